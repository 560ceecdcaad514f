// SPDX-License-Identifier: GPL-2.0
/* vring - per-open descriptor ring sized by the application. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define VRING_MAX_SLOTS		1024
#define VRING_IOC_SETUP		_IOW('r', 1, __u32)
#define VRING_IOC_NSLOTS	_IOR('r', 2, __u32)

struct vring_slot {
	u64 addr;
	u32 len;
	u32 flags;
};

struct vring {
	u32 nslots;
	struct vring_slot *slots;
};

struct vring_ctx {
	struct mutex lock;
	struct vring *ring;
};

static void vring_free(struct vring *r)
{
	if (!r)
		return;
	kfree(r->slots);
	kfree(r);
}

static long vring_setup(struct vring_ctx *ctx, u32 n)
{
	struct vring *r, *old;

	if (!n || n > VRING_MAX_SLOTS)
		return -EINVAL;

	r = kmalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->nslots = n;
	r->slots = kcalloc(n, sizeof(*r->slots), GFP_KERNEL);
	if (!r->slots) {
		kfree(r);
		return -ENOMEM;
	}

	mutex_lock(&ctx->lock);
	old = ctx->ring;
	ctx->ring = r;
	mutex_unlock(&ctx->lock);
	vring_free(old);
	return 0;
}

static long vring_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct vring_ctx *ctx = file->private_data;
	u32 __user *up = (u32 __user *)arg;
	u32 n;

	switch (cmd) {
	case VRING_IOC_SETUP:
		if (get_user(n, up))
			return -EFAULT;
		return vring_setup(ctx, n);
	case VRING_IOC_NSLOTS:
		mutex_lock(&ctx->lock);
		n = ctx->ring ? ctx->ring->nslots : 0;
		mutex_unlock(&ctx->lock);
		return put_user(n, up);
	default:
		return -ENOTTY;
	}
}

static int vring_open(struct inode *inode, struct file *file)
{
	struct vring_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	mutex_init(&ctx->lock);
	file->private_data = ctx;
	return 0;
}

static int vring_release(struct inode *inode, struct file *file)
{
	struct vring_ctx *ctx = file->private_data;

	vring_free(ctx->ring);
	kfree(ctx);
	return 0;
}

static const struct file_operations vring_fops = {
	.owner		= THIS_MODULE,
	.open		= vring_open,
	.release	= vring_release,
	.unlocked_ioctl	= vring_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice vring_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "vring",
	.fops	= &vring_fops,
};
module_misc_device(vring_misc);
MODULE_LICENSE("GPL");
