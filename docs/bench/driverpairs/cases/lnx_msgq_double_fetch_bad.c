// SPDX-License-Identifier: GPL-2.0
/*
 * msgq - accepts variable-length messages through an ioctl.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define MSGQ_MAX_MSG	4096

struct msgq_msg {
	__u32 size;		/* total size including this header */
	__u32 type;
	__u8 data[];
};

#define MSGQ_IOC_SUBMIT	_IOW('q', 1, struct msgq_msg)

static atomic_t msgq_sum = ATOMIC_INIT(0);

static u32 msgq_checksum(const u8 *p, size_t len)
{
	u32 sum = 0;
	size_t i;

	for (i = 0; i < len; i++)
		sum = (sum << 1 | sum >> 31) ^ p[i];
	return sum;
}

static long msgq_submit(void __user *uptr)
{
	struct msgq_msg hdr;
	struct msgq_msg *msg;
	size_t payload_len;

	if (copy_from_user(&hdr, uptr, sizeof(hdr)))
		return -EFAULT;
	if (hdr.size < sizeof(hdr) || hdr.size > MSGQ_MAX_MSG)
		return -EINVAL;

	msg = kmalloc(hdr.size, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	if (copy_from_user(msg, uptr, hdr.size)) {
		kfree(msg);
		return -EFAULT;
	}

	payload_len = msg->size - sizeof(*msg); // expect-warning: CWE-367
	atomic_add(msgq_checksum(msg->data, payload_len), &msgq_sum);
	pr_debug("msgq: type %u, %zu payload bytes\n", msg->type, payload_len);

	kfree(msg);
	return 0;
}

static long msgq_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case MSGQ_IOC_SUBMIT:
		return msgq_submit((void __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations msgq_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= msgq_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice msgq_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "msgq",
	.fops	= &msgq_fops,
};
module_misc_device(msgq_misc);

MODULE_LICENSE("GPL");
