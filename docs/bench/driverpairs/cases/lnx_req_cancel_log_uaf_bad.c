// SPDX-License-Identifier: GPL-2.0
/*
 * jobq - queue of pending hardware jobs that user space may cancel.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

struct jobq_submit {
	__u64 tag;
	__u32 prio;
	__u32 id;		/* filled in by the driver */
};

#define JOBQ_IOC_SUBMIT	_IOWR('j', 1, struct jobq_submit)
#define JOBQ_IOC_CANCEL	_IOW('j', 2, __u32)

struct jobq_req {
	struct list_head node;
	u32 id;
	u32 prio;
	u64 tag;
};

static DEFINE_MUTEX(jobq_lock);
static LIST_HEAD(jobq_pending);
static u32 jobq_next_id;

static struct jobq_req *jobq_find(u32 id)
{
	struct jobq_req *req;

	list_for_each_entry(req, &jobq_pending, node)
		if (req->id == id)
			return req;
	return NULL;
}

static long jobq_cancel(u32 id)
{
	struct jobq_req *req;

	mutex_lock(&jobq_lock);
	req = jobq_find(id);
	if (!req) {
		mutex_unlock(&jobq_lock);
		return -ENOENT;
	}
	list_del(&req->node);
	mutex_unlock(&jobq_lock);

	kfree(req);
	pr_info("jobq: cancelled job %u (tag %llx)\n", req->id, req->tag); // expect-warning: CWE-416
	return 0;
}

static long jobq_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct jobq_submit __user *usub = (void __user *)arg;
	struct jobq_submit sub;
	struct jobq_req *req;
	u32 id;

	switch (cmd) {
	case JOBQ_IOC_SUBMIT:
		if (copy_from_user(&sub, usub, sizeof(sub)))
			return -EFAULT;
		req = kzalloc(sizeof(*req), GFP_KERNEL);
		if (!req)
			return -ENOMEM;
		req->tag = sub.tag;
		req->prio = sub.prio;
		mutex_lock(&jobq_lock);
		id = req->id = ++jobq_next_id;
		list_add_tail(&req->node, &jobq_pending);
		mutex_unlock(&jobq_lock);
		return put_user(id, &usub->id);
	case JOBQ_IOC_CANCEL:
		if (get_user(id, (u32 __user *)arg))
			return -EFAULT;
		return jobq_cancel(id);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations jobq_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= jobq_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static struct miscdevice jobq_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "jobq",
	.fops	= &jobq_fops,
};
module_misc_device(jobq_misc);
MODULE_LICENSE("GPL");
