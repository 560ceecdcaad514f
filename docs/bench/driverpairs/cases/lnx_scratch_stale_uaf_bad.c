// SPDX-License-Identifier: GPL-2.0
/*
 * scratch - a single scratch buffer allocated and released on request.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define SCR_MAX		(64 * 1024)

struct scr_read {
	__u64 ptr;
	__u32 len;
	__u32 pad;
};

#define SCR_IOC_ALLOC	_IOW('x', 1, __u32)
#define SCR_IOC_FREE	_IO('x', 2)
#define SCR_IOC_READ	_IOW('x', 3, struct scr_read)

struct scratch_dev {
	struct mutex lock;
	u8 *buf;
	size_t size;
};

static struct scratch_dev scr = {
	.lock = __MUTEX_INITIALIZER(scr.lock),
};

static long scr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct scratch_dev *sd = &scr;
	struct scr_read rd;
	long ret = 0;
	u32 size;

	mutex_lock(&sd->lock);
	switch (cmd) {
	case SCR_IOC_ALLOC:
		if (get_user(size, (u32 __user *)arg)) {
			ret = -EFAULT;
			break;
		}
		if (!size || size > SCR_MAX) {
			ret = -EINVAL;
			break;
		}
		if (sd->buf) {
			ret = -EBUSY;
			break;
		}
		sd->buf = kzalloc(size, GFP_KERNEL);
		if (!sd->buf) {
			ret = -ENOMEM;
			break;
		}
		sd->size = size;
		break;
	case SCR_IOC_FREE:
		kfree(sd->buf);
		break;
	case SCR_IOC_READ:
		if (copy_from_user(&rd, (void __user *)arg, sizeof(rd))) {
			ret = -EFAULT;
			break;
		}
		if (!sd->buf) {
			ret = -ENODATA;
			break;
		}
		if (rd.len > sd->size) {
			ret = -EINVAL;
			break;
		}
		if (copy_to_user(u64_to_user_ptr(rd.ptr), sd->buf, rd.len)) // expect-warning: CWE-416
			ret = -EFAULT;
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&sd->lock);
	return ret;
}

static const struct file_operations scr_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= scr_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice scr_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "scratch",
	.fops	= &scr_fops,
};
module_misc_device(scr_misc);

MODULE_LICENSE("GPL");
