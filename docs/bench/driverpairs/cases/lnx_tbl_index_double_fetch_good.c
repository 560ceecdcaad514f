// SPDX-License-Identifier: GPL-2.0
/*
 * mixtbl - audio mixer gain table updated one entry at a time.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

#define MIX_CHANNELS	16

struct mix_req {
	__u32 idx;
	__s32 gain_mdb;		/* milli-decibels */
};

#define MIX_IOC_SET_GAIN	_IOW('m', 1, struct mix_req)
#define MIX_IOC_GET_GAIN	_IOWR('m', 2, struct mix_req)

static DEFINE_SPINLOCK(mix_lock);
static s32 mix_gain[MIX_CHANNELS];

static int mix_apply(u32 idx, struct mix_req __user *ureq)
{
	s32 gain;

	/* idx was fetched and validated by the caller; only read the gain */
	if (get_user(gain, &ureq->gain_mdb))
		return -EFAULT;

	spin_lock(&mix_lock);
	mix_gain[idx] = clamp(gain, -96000, 12000);
	spin_unlock(&mix_lock);
	return 0;
}

static long mix_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct mix_req __user *ureq = (struct mix_req __user *)arg;
	s32 gain;
	u32 idx;

	if (get_user(idx, &ureq->idx))
		return -EFAULT;
	if (idx >= MIX_CHANNELS)
		return -EINVAL;

	switch (cmd) {
	case MIX_IOC_SET_GAIN:
		return mix_apply(idx, ureq);
	case MIX_IOC_GET_GAIN:
		spin_lock(&mix_lock);
		gain = mix_gain[idx];
		spin_unlock(&mix_lock);
		return put_user(gain, &ureq->gain_mdb);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations mix_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= mix_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice mix_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "mixtbl",
	.fops	= &mix_fops,
};
module_misc_device(mix_misc);
MODULE_LICENSE("GPL");
