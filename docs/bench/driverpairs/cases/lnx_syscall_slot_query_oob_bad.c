// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/slots.c - tiny system-call interface to a table of ownership slots.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define MAX_SLOTS	16

struct slot_info {
	__u64 cookie;
	__u32 owner;
	__u32 flags;
};

static struct slot_info slots[MAX_SLOTS];
static DEFINE_SPINLOCK(slots_lock);

SYSCALL_DEFINE2(slot_claim, unsigned int, slot, __u64, cookie)
{
	int ret = 0;

	if (slot >= MAX_SLOTS)
		return -EINVAL;

	spin_lock(&slots_lock);
	if (slots[slot].owner) {
		ret = -EBUSY;
	} else {
		slots[slot].owner = task_tgid_vnr(current);
		slots[slot].cookie = cookie;
		slots[slot].flags = 1;
	}
	spin_unlock(&slots_lock);
	return ret;
}

SYSCALL_DEFINE2(slot_query, unsigned int, slot, struct slot_info __user *, out)
{
	struct slot_info tmp;

	if (slot > MAX_SLOTS)
		return -EINVAL;

	spin_lock(&slots_lock);
	tmp = slots[slot]; // expect-warning: CWE-125
	spin_unlock(&slots_lock);

	if (copy_to_user(out, &tmp, sizeof(tmp)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(slot_release, unsigned int, slot)
{
	int ret = 0;

	if (slot >= MAX_SLOTS)
		return -EINVAL;

	spin_lock(&slots_lock);
	if (slots[slot].owner != task_tgid_vnr(current))
		ret = -EPERM;
	else
		memset(&slots[slot], 0, sizeof(slots[slot]));
	spin_unlock(&slots_lock);
	return ret;
}
