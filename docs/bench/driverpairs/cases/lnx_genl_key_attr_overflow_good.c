// SPDX-License-Identifier: GPL-2.0
/*
 * keyx - generic netlink interface for loading keys into hardware slots.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <net/genetlink.h>

#define KEYX_NSLOTS	8
#define KEYX_KEY_MAX	32

enum {
	KEYX_ATTR_UNSPEC,
	KEYX_ATTR_SLOT,
	KEYX_ATTR_KEY,
	__KEYX_ATTR_MAX,
};
#define KEYX_ATTR_MAX (__KEYX_ATTR_MAX - 1)

enum {
	KEYX_CMD_UNSPEC,
	KEYX_CMD_SET_KEY,
};

struct keyx_slot {
	u8 key[KEYX_KEY_MAX];
	u32 len;
};

static DEFINE_MUTEX(keyx_lock);
static struct keyx_slot keyx_slots[KEYX_NSLOTS];

static const struct nla_policy keyx_policy[KEYX_ATTR_MAX + 1] = {
	[KEYX_ATTR_SLOT] = { .type = NLA_U32 },
	[KEYX_ATTR_KEY]  = { .type = NLA_BINARY },
};

static int keyx_set_key(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *key;
	u32 slot;
	int len;

	if (!info->attrs[KEYX_ATTR_SLOT] || !info->attrs[KEYX_ATTR_KEY])
		return -EINVAL;

	slot = nla_get_u32(info->attrs[KEYX_ATTR_SLOT]);
	if (slot >= KEYX_NSLOTS)
		return -EINVAL;

	key = info->attrs[KEYX_ATTR_KEY];
	len = nla_len(key);
	if (len <= 0 || len > KEYX_KEY_MAX)
		return -EINVAL;

	mutex_lock(&keyx_lock);
	memcpy(keyx_slots[slot].key, nla_data(key), len);
	keyx_slots[slot].len = len;
	mutex_unlock(&keyx_lock);
	return 0;
}

static const struct genl_ops keyx_ops[] = {
	{
		.cmd	= KEYX_CMD_SET_KEY,
		.doit	= keyx_set_key,
		.flags	= GENL_ADMIN_PERM,
	},
};

static struct genl_family keyx_family __ro_after_init = {
	.name		= "keyx",
	.version	= 1,
	.maxattr	= KEYX_ATTR_MAX,
	.policy		= keyx_policy,
	.module		= THIS_MODULE,
	.ops		= keyx_ops,
	.n_ops		= ARRAY_SIZE(keyx_ops),
	.resv_start_op	= KEYX_CMD_SET_KEY + 1,
};

static int __init keyx_init(void)
{
	return genl_register_family(&keyx_family);
}

static void __exit keyx_exit(void)
{
	genl_unregister_family(&keyx_family);
	memzero_explicit(keyx_slots, sizeof(keyx_slots));
}

module_init(keyx_init);
module_exit(keyx_exit);
MODULE_LICENSE("GPL");
