// SPDX-License-Identifier: GPL-2.0
/*
 * tmon - thermal monitor statistics exported through an ioctl.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct tmon_stats {
	__u32 samples;
	__u16 last_temp;	/* followed by 2 bytes of padding */
	__u64 total;
	__u32 flags;
	__u32 reserved[2];
};

#define TMON_IOC_GET_STATS	_IOR('t', 1, struct tmon_stats)
#define TMON_IOC_RESET		_IO('t', 2)

static DEFINE_SPINLOCK(tmon_lock);
static u32 tmon_samples;
static u16 tmon_last;
static u64 tmon_total;
static u32 tmon_flags;

static long tmon_get_stats(struct tmon_stats __user *ustats)
{
	struct tmon_stats st;

	spin_lock(&tmon_lock);
	st.samples = tmon_samples;
	st.last_temp = tmon_last;
	st.total = tmon_total;
	st.flags = tmon_flags;
	spin_unlock(&tmon_lock);

	if (copy_to_user(ustats, &st, sizeof(st))) // expect-warning: CWE-908
		return -EFAULT;
	return 0;
}

static long tmon_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case TMON_IOC_GET_STATS:
		return tmon_get_stats((struct tmon_stats __user *)arg);
	case TMON_IOC_RESET:
		spin_lock(&tmon_lock);
		tmon_samples = 0;
		tmon_total = 0;
		spin_unlock(&tmon_lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tmon_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= tmon_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice tmon_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "tmon",
	.fops	= &tmon_fops,
};
module_misc_device(tmon_misc);

MODULE_LICENSE("GPL");
