// SPDX-License-Identifier: GPL-2.0
/*
 * sensd - generic netlink status query for a sensor hub.
 */
#include <linux/module.h>
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <net/genetlink.h>

enum {
	SENSD_ATTR_UNSPEC,
	SENSD_ATTR_STATUS,
	__SENSD_ATTR_MAX,
};
#define SENSD_ATTR_MAX (__SENSD_ATTR_MAX - 1)

enum {
	SENSD_CMD_UNSPEC,
	SENSD_CMD_GET_STATUS,
};

struct sensd_status {
	__u32 state;
	__u8 channel;		/* followed by 3 bytes of padding */
	__u64 uptime_ns;
	__u32 errors;
	__u32 reserved;
};

static u32 sensd_state;
static u8 sensd_channel;
static u64 sensd_start_ns;
static atomic_t sensd_errors = ATOMIC_INIT(0);
static struct genl_family sensd_family;

static int sensd_get_status(struct sk_buff *skb, struct genl_info *info)
{
	struct sensd_status st;
	struct sk_buff *msg;
	void *hdr;

	st.state = READ_ONCE(sensd_state);
	st.channel = READ_ONCE(sensd_channel);
	st.uptime_ns = ktime_get_ns() - sensd_start_ns;
	st.errors = atomic_read(&sensd_errors);

	msg = genlmsg_new(nla_total_size(sizeof(st)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	hdr = genlmsg_put_reply(msg, info, &sensd_family, 0, SENSD_CMD_GET_STATUS);
	if (!hdr)
		goto nla_fail;
	if (nla_put(msg, SENSD_ATTR_STATUS, sizeof(st), &st)) // expect-warning: CWE-908
		goto nla_fail;

	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

nla_fail:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static const struct genl_small_ops sensd_ops[] = {
	{
		.cmd	= SENSD_CMD_GET_STATUS,
		.doit	= sensd_get_status,
	},
};

static struct genl_family sensd_family __ro_after_init = {
	.name		= "sensd",
	.version	= 1,
	.maxattr	= SENSD_ATTR_MAX,
	.module		= THIS_MODULE,
	.small_ops	= sensd_ops,
	.n_small_ops	= ARRAY_SIZE(sensd_ops),
	.resv_start_op	= SENSD_CMD_GET_STATUS + 1,
};

static int __init sensd_init(void)
{
	sensd_start_ns = ktime_get_ns();
	return genl_register_family(&sensd_family);
}

static void __exit sensd_exit(void)
{
	genl_unregister_family(&sensd_family);
}

module_init(sensd_init);
module_exit(sensd_exit);
MODULE_LICENSE("GPL");
