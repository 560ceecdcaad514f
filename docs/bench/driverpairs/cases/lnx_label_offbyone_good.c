// SPDX-License-Identifier: GPL-2.0
/*
 * panel - sets the label shown on a front-panel character display.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define PANEL_LABEL_LEN	32

struct panel_label_req {
	__u32 len;		/* number of characters, no terminator */
	__u32 flags;
	__u64 text;		/* user pointer */
};

#define PANEL_IOC_SET_LABEL	_IOW('p', 1, struct panel_label_req)

static DEFINE_MUTEX(panel_lock);
static char panel_label[PANEL_LABEL_LEN];

static long panel_set_label(const struct panel_label_req __user *ureq)
{
	struct panel_label_req req;
	char name[PANEL_LABEL_LEN];

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (req.len >= PANEL_LABEL_LEN)
		return -EINVAL;

	if (copy_from_user(name, u64_to_user_ptr(req.text), req.len))
		return -EFAULT;
	name[req.len] = '\0';

	mutex_lock(&panel_lock);
	strscpy(panel_label, name, sizeof(panel_label));
	mutex_unlock(&panel_lock);
	pr_info("panel: label set to '%s'\n", name);
	return 0;
}

static long panel_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case PANEL_IOC_SET_LABEL:
		return panel_set_label((const struct panel_label_req __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations panel_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= panel_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice panel_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "panel",
	.fops	= &panel_fops,
};
module_misc_device(panel_misc);
MODULE_LICENSE("GPL");
