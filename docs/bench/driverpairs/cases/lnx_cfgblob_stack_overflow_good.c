// SPDX-License-Identifier: GPL-2.0
/*
 * cfgdev - stores a small configuration blob pushed by a user-space daemon.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define CFG_MAX_BLOB	64

struct cfg_blob {
	__u32 len;
	__u32 flags;
	__u64 data;		/* user pointer to the blob bytes */
};

#define CFGDEV_IOC_MAGIC	'c'
#define CFGDEV_SET_BLOB		_IOW(CFGDEV_IOC_MAGIC, 1, struct cfg_blob)
#define CFGDEV_GET_FLAGS	_IOR(CFGDEV_IOC_MAGIC, 2, __u32)

static DEFINE_MUTEX(cfg_lock);
static u8 cfg_current[CFG_MAX_BLOB];
static u32 cfg_current_len;
static u32 cfg_flags;

static long cfg_set_blob(void __user *argp)
{
	struct cfg_blob req;
	u8 tmp[CFG_MAX_BLOB] = { 0 };

	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;

	if (req.len > sizeof(tmp))
		return -EINVAL;

	if (copy_from_user(tmp, u64_to_user_ptr(req.data), req.len))
		return -EFAULT;

	mutex_lock(&cfg_lock);
	memcpy(cfg_current, tmp, sizeof(cfg_current));
	cfg_current_len = req.len;
	cfg_flags = req.flags;
	mutex_unlock(&cfg_lock);
	return 0;
}

static long cfg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	u32 flags;

	switch (cmd) {
	case CFGDEV_SET_BLOB:
		return cfg_set_blob(argp);
	case CFGDEV_GET_FLAGS:
		mutex_lock(&cfg_lock);
		flags = cfg_flags;
		mutex_unlock(&cfg_lock);
		return put_user(flags, (__u32 __user *)argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations cfg_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= cfg_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice cfg_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "cfgdev",
	.fops	= &cfg_fops,
	.mode	= 0600,
};
module_misc_device(cfg_misc);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Configuration blob device");
