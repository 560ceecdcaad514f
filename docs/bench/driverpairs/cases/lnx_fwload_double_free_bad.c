// SPDX-License-Identifier: GPL-2.0
/*
 * fwload - firmware images are written to the device node in one write().
 */
#include <linux/module.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define FW_MAGIC	0x46574c44	/* "FWLD" */
#define FW_MAX		(256 * 1024)

struct fw_image {
	__le32 magic;
	__le32 payload_len;
	__le32 version;
	__le32 crc;
	u8 payload[];
};

static DEFINE_MUTEX(fw_lock);
static struct fw_image *fw_current;

/* Takes ownership of @img: installs it on success, frees it on failure. */
static int fw_install(struct fw_image *img, size_t len)
{
	struct fw_image *old;

	if (le32_to_cpu(img->magic) != FW_MAGIC ||
	    le32_to_cpu(img->payload_len) != len - sizeof(*img)) {
		kfree(img);
		return -EINVAL;
	}

	mutex_lock(&fw_lock);
	old = fw_current;
	fw_current = img;
	mutex_unlock(&fw_lock);
	kfree(old);
	return 0;
}

static ssize_t fw_write(struct file *file, const char __user *ubuf,
			size_t count, loff_t *ppos)
{
	struct fw_image *img;
	int ret;

	if (count < sizeof(*img) || count > FW_MAX)
		return -EINVAL;

	img = memdup_user(ubuf, count);
	if (IS_ERR(img))
		return PTR_ERR(img);

	ret = fw_install(img, count);
	if (ret) {
		kfree(img); // expect-warning: CWE-415
		return ret;
	}
	return count;
}

static const struct file_operations fw_fops = {
	.owner	= THIS_MODULE,
	.write	= fw_write,
};

static struct miscdevice fw_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "fwload",
	.fops	= &fw_fops,
	.mode	= 0200,
};

static int __init fw_init(void)
{
	return misc_register(&fw_misc);
}

static void __exit fw_exit(void)
{
	misc_deregister(&fw_misc);
	kfree(fw_current);
}

module_init(fw_init);
module_exit(fw_exit);
MODULE_LICENSE("GPL");
