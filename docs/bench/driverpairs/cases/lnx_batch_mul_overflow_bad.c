// SPDX-License-Identifier: GPL-2.0
/*
 * regbatch - applies a batch of masked register writes in one ioctl.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define RB_NREGS	128

struct rb_entry {
	__u32 reg;
	__u32 val;
	__u32 mask;
	__u32 rsvd;
};

struct rb_req {
	__u64 count;
	__u64 entries;		/* user pointer to struct rb_entry[count] */
};

#define RB_IOC_APPLY	_IOW('b', 1, struct rb_req)

static DEFINE_MUTEX(rb_lock);
static u32 rb_regs[RB_NREGS];

static int rb_apply(const struct rb_entry *e, u64 count)
{
	u64 i;

	for (i = 0; i < count; i++)
		if (e[i].reg >= RB_NREGS)
			return -EINVAL;

	mutex_lock(&rb_lock);
	for (i = 0; i < count; i++)
		rb_regs[e[i].reg] = (rb_regs[e[i].reg] & ~e[i].mask) |
				    (e[i].val & e[i].mask);
	mutex_unlock(&rb_lock);
	return 0;
}

static long rb_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct rb_entry __user *uents;
	struct rb_entry *ents;
	struct rb_req req;
	long ret = 0;
	u64 i;

	if (cmd != RB_IOC_APPLY)
		return -ENOTTY;
	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (req.count == 0)
		return -EINVAL;

	ents = kmalloc(req.count * sizeof(*ents), GFP_KERNEL); // expect-warning: CWE-190
	if (!ents)
		return -ENOMEM;

	uents = u64_to_user_ptr(req.entries);
	for (i = 0; i < req.count; i++) {
		if (copy_from_user(&ents[i], &uents[i], sizeof(ents[i]))) {
			ret = -EFAULT;
			goto out;
		}
	}
	ret = rb_apply(ents, req.count);
out:
	kfree(ents);
	return ret;
}

static const struct file_operations rb_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= rb_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice rb_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "regbatch",
	.fops	= &rb_fops,
};
module_misc_device(rb_misc);

MODULE_LICENSE("GPL");
