// SPDX-License-Identifier: GPL-2.0
/*
 * lutdev - lookup table programmed from user space with "index value" lines.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define LUT_ENTRIES	32

struct lut_dev {
	struct mutex lock;
	u32 *table;
};

static struct lut_dev lut;

static ssize_t lut_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	char kbuf[32];
	unsigned int idx, val;

	if (count == 0 || count >= sizeof(kbuf))
		return -EINVAL;
	if (copy_from_user(kbuf, ubuf, count))
		return -EFAULT;
	kbuf[count] = '\0';

	if (sscanf(kbuf, "%u %u", &idx, &val) != 2)
		return -EINVAL;
	if (idx >= LUT_ENTRIES)
		return -EINVAL;

	mutex_lock(&lut.lock);
	lut.table[idx] = val;
	mutex_unlock(&lut.lock);

	return count;
}

static ssize_t lut_read(struct file *file, char __user *ubuf,
			size_t count, loff_t *ppos)
{
	u32 snap[LUT_ENTRIES];

	mutex_lock(&lut.lock);
	memcpy(snap, lut.table, sizeof(snap));
	mutex_unlock(&lut.lock);

	return simple_read_from_buffer(ubuf, count, ppos, snap, sizeof(snap));
}

static const struct file_operations lut_fops = {
	.owner	= THIS_MODULE,
	.write	= lut_write,
	.read	= lut_read,
	.llseek	= default_llseek,
};

static struct miscdevice lut_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "lut",
	.fops	= &lut_fops,
};

static int __init lut_init(void)
{
	int ret;

	mutex_init(&lut.lock);
	lut.table = kcalloc(LUT_ENTRIES, sizeof(*lut.table), GFP_KERNEL);
	if (!lut.table)
		return -ENOMEM;

	ret = misc_register(&lut_misc);
	if (ret)
		kfree(lut.table);
	return ret;
}

static void __exit lut_exit(void)
{
	misc_deregister(&lut_misc);
	kfree(lut.table);
}

module_init(lut_init);
module_exit(lut_exit);
MODULE_LICENSE("GPL");
