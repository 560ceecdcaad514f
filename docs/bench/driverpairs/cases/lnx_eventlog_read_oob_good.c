// SPDX-License-Identifier: GPL-2.0
/*
 * evlog - tiny append-only event log exposed as a character device.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define EVLOG_SIZE	4096

static DEFINE_MUTEX(evlog_lock);
static char evlog_buf[EVLOG_SIZE];
static size_t evlog_len;

static ssize_t evlog_read(struct file *file, char __user *ubuf,
			  size_t count, loff_t *ppos)
{
	loff_t pos = *ppos;
	ssize_t ret;

	mutex_lock(&evlog_lock);
	if (pos >= evlog_len) {
		ret = 0;
		goto out;
	}
	if (count > evlog_len - pos)
		count = evlog_len - pos;

	if (copy_to_user(ubuf, evlog_buf + pos, count)) {
		ret = -EFAULT;
		goto out;
	}
	*ppos = pos + count;
	ret = count;
out:
	mutex_unlock(&evlog_lock);
	return ret;
}

static ssize_t evlog_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	size_t room;

	if (count == 0)
		return 0;

	mutex_lock(&evlog_lock);
	room = EVLOG_SIZE - evlog_len;
	if (count > room)
		count = room;
	if (count == 0) {
		mutex_unlock(&evlog_lock);
		return -ENOSPC;
	}
	if (copy_from_user(evlog_buf + evlog_len, ubuf, count)) {
		mutex_unlock(&evlog_lock);
		return -EFAULT;
	}
	evlog_len += count;
	mutex_unlock(&evlog_lock);
	return count;
}

static const struct file_operations evlog_fops = {
	.owner	= THIS_MODULE,
	.read	= evlog_read,
	.write	= evlog_write,
	.llseek	= default_llseek,
};

static struct miscdevice evlog_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "evlog",
	.fops	= &evlog_fops,
};
module_misc_device(evlog_misc);

MODULE_LICENSE("GPL");
