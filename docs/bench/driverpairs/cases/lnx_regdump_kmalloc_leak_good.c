// SPDX-License-Identifier: GPL-2.0
/*
 * regdump - debug dump of the shadow register file of a virtual device.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

#define REGDUMP_NREGS	64
#define REGDUMP_MAX	4096

static DEFINE_SPINLOCK(regdump_lock);
static u32 regdump_shadow[REGDUMP_NREGS];

static size_t regdump_fill(u32 *buf, size_t len)
{
	size_t i, n = min_t(size_t, len / sizeof(u32), REGDUMP_NREGS);

	spin_lock(&regdump_lock);
	for (i = 0; i < n; i++)
		buf[i] = regdump_shadow[i];
	spin_unlock(&regdump_lock);

	return n * sizeof(u32);
}

static ssize_t regdump_read(struct file *file, char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	size_t len, filled;
	u32 *buf;
	ssize_t ret;

	if (*ppos)
		return 0;

	len = min_t(size_t, count, REGDUMP_MAX);
	buf = kmalloc(REGDUMP_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	filled = regdump_fill(buf, len);

	if (copy_to_user(ubuf, buf, filled)) {
		ret = -EFAULT;
		goto out;
	}
	*ppos += filled;
	ret = filled;
out:
	kfree(buf);
	return ret;
}

static ssize_t regdump_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	spin_lock(&regdump_lock);
	memset(regdump_shadow, 0, sizeof(regdump_shadow));
	spin_unlock(&regdump_lock);
	return count;
}

static const struct file_operations regdump_fops = {
	.owner	= THIS_MODULE,
	.read	= regdump_read,
	.write	= regdump_write,
	.llseek	= default_llseek,
};

static struct miscdevice regdump_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "regdump",
	.fops	= &regdump_fops,
	.mode	= 0400,
};
module_misc_device(regdump_misc);

MODULE_LICENSE("GPL");
