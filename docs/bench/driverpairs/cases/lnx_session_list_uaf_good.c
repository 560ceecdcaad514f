// SPDX-License-Identifier: GPL-2.0
/*
 * sessd - per-open list of lightweight sessions managed through ioctls.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define SESS_IOC_OPEN	_IOR('s', 1, __u32)
#define SESS_IOC_CLOSE	_IOW('s', 2, __u32)

struct sess {
	struct list_head node;
	u32 id;
};

struct sess_owner {
	struct mutex lock;
	struct list_head sessions;
	u32 next_id;
};

static int sess_open(struct inode *inode, struct file *file)
{
	struct sess_owner *own = kzalloc(sizeof(*own), GFP_KERNEL);

	if (!own)
		return -ENOMEM;
	mutex_init(&own->lock);
	INIT_LIST_HEAD(&own->sessions);
	file->private_data = own;
	return 0;
}

static long sess_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct sess_owner *own = file->private_data;
	u32 __user *uid = (u32 __user *)arg;
	struct sess *s;
	u32 id;

	switch (cmd) {
	case SESS_IOC_OPEN:
		s = kzalloc(sizeof(*s), GFP_KERNEL);
		if (!s)
			return -ENOMEM;
		mutex_lock(&own->lock);
		id = ++own->next_id;
		s->id = id;
		list_add_tail(&s->node, &own->sessions);
		mutex_unlock(&own->lock);
		return put_user(id, uid);
	case SESS_IOC_CLOSE:
		if (get_user(id, uid))
			return -EFAULT;
		mutex_lock(&own->lock);
		list_for_each_entry(s, &own->sessions, node) {
			if (s->id == id) {
				list_del(&s->node);
				kfree(s);
				mutex_unlock(&own->lock);
				return 0;
			}
		}
		mutex_unlock(&own->lock);
		return -ENOENT;
	default:
		return -ENOTTY;
	}
}

static int sess_release(struct inode *inode, struct file *file)
{
	struct sess_owner *own = file->private_data;
	struct sess *s, *tmp;

	list_for_each_entry_safe(s, tmp, &own->sessions, node) {
		list_del(&s->node);
		kfree(s);
	}
	kfree(own);
	return 0;
}

static const struct file_operations sess_fops = {
	.owner		= THIS_MODULE,
	.open		= sess_open,
	.release	= sess_release,
	.unlocked_ioctl	= sess_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice sess_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "sessd",
	.fops	= &sess_fops,
};
module_misc_device(sess_misc);

MODULE_LICENSE("GPL");
