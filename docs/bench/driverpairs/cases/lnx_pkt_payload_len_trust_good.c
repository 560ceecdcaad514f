// SPDX-License-Identifier: GPL-2.0
/*
 * pktgen_tx - user space writes one framed packet per write() call.
 */
#include <linux/module.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define PKT_MAX		2048
#define TX_SLOTS	16

struct pkt_hdr {
	__le16 type;
	__le16 payload_len;
	u8 payload[];
};

struct tx_slot {
	u16 type;
	u16 len;
	u8 data[PKT_MAX];
};

static struct tx_slot tx_ring[TX_SLOTS];
static unsigned int tx_head;
static DEFINE_SPINLOCK(tx_lock);

static ssize_t pkt_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	struct pkt_hdr *pkt;
	struct tx_slot *slot;
	size_t plen;

	if (count < sizeof(*pkt) || count > sizeof(*pkt) + PKT_MAX)
		return -EINVAL;

	pkt = memdup_user(ubuf, count);
	if (IS_ERR(pkt))
		return PTR_ERR(pkt);

	plen = le16_to_cpu(pkt->payload_len);
	if (plen > PKT_MAX || plen > count - sizeof(*pkt)) {
		kfree(pkt);
		return -EMSGSIZE;
	}

	spin_lock(&tx_lock);
	slot = &tx_ring[tx_head];
	slot->type = le16_to_cpu(pkt->type);
	slot->len = plen;
	memcpy(slot->data, pkt->payload, plen);
	tx_head = (tx_head + 1) % TX_SLOTS;
	spin_unlock(&tx_lock);

	kfree(pkt);
	return count;
}

static const struct file_operations pkt_fops = {
	.owner	= THIS_MODULE,
	.write	= pkt_write,
};

static struct miscdevice pkt_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "pkt_tx",
	.fops	= &pkt_fops,
};
module_misc_device(pkt_misc);
MODULE_LICENSE("GPL");
