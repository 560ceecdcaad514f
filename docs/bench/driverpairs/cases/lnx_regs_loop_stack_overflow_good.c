// SPDX-License-Identifier: GPL-2.0
/*
 * gpioex - GPIO expander; an ioctl programs several registers at once.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define GPIOEX_NREGS	32
#define GPIOEX_MAX_OPS	16

struct gpioex_op {
	__u16 reg;
	__u16 flags;
	__u32 value;
};

struct gpioex_batch {
	__u32 count;
	__u32 pad;
	__u64 ops;		/* user pointer to struct gpioex_op[count] */
};

#define GPIOEX_IOC_WRITE	_IOW('g', 1, struct gpioex_batch)

static DEFINE_MUTEX(gpioex_lock);
static u32 gpioex_regs[GPIOEX_NREGS];

static int gpioex_apply(const struct gpioex_op *ops, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ops[i].reg >= GPIOEX_NREGS)
			return -EINVAL;

	mutex_lock(&gpioex_lock);
	for (i = 0; i < n; i++)
		gpioex_regs[ops[i].reg] = ops[i].value;
	mutex_unlock(&gpioex_lock);
	return 0;
}

static long gpioex_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct gpioex_op ops[GPIOEX_MAX_OPS];
	const struct gpioex_op __user *uops;
	struct gpioex_batch b;
	unsigned int i;

	if (cmd != GPIOEX_IOC_WRITE)
		return -ENOTTY;
	if (copy_from_user(&b, (void __user *)arg, sizeof(b)))
		return -EFAULT;
	if (b.count > GPIOEX_MAX_OPS)
		return -EINVAL;

	uops = u64_to_user_ptr(b.ops);
	for (i = 0; i < b.count; i++) {
		if (copy_from_user(&ops[i], &uops[i], sizeof(ops[i])))
			return -EFAULT;
	}
	return gpioex_apply(ops, b.count);
}

static const struct file_operations gpioex_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= gpioex_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice gpioex_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "gpioex",
	.fops	= &gpioex_fops,
};
module_misc_device(gpioex_misc);
MODULE_LICENSE("GPL");
