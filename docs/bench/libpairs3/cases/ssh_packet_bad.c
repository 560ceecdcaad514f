#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * SSH binary packet layer (RFC 4253 section 6) before keys are in place:
 *
 *   uint32 packet_length; byte padding_length; byte[n1] payload;
 *   byte[padding_length] padding;            n1 = packet_length - padding_length - 1
 *
 * plus a few transport messages that may appear during key exchange.
 */

#define SSH_MSG_DISCONNECT 1
#define SSH_MSG_IGNORE 2
#define SSH_MSG_DEBUG 4
#define SSH_MAX_PACKET 35000

struct ssh_transport {
    uint32_t recv_seq;
    uint32_t disconnect_reason;
    int disconnected;
    char last_debug[128];
    size_t ignored_bytes;
};

static uint32_t get_u32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Copies an SSH "string" (u32 length + bytes) at p[0..avail) into dst. */
static int copy_string(const uint8_t *p, uint32_t avail, char *dst, size_t dstlen)
{
    uint32_t n;
    size_t k;

    if (avail < 4)
        return -1;
    n = get_u32(p);
    if (n > avail - 4)
        return -1;
    k = n < dstlen - 1 ? n : dstlen - 1;
    memcpy(dst, p + 4, k);
    dst[k] = '\0';
    return 0;
}

static int handle_payload(struct ssh_transport *t, const uint8_t *pl, uint32_t plen)
{
    if (plen == 0)
        return -1;
    switch (pl[0]) {
    case SSH_MSG_DISCONNECT:
        if (plen < 5)
            return -1;
        t->disconnect_reason = get_u32(pl + 1);
        t->disconnected = 1;
        return 1;
    case SSH_MSG_IGNORE:
        t->ignored_bytes += plen - 1;
        return 0;
    case SSH_MSG_DEBUG:
        if (plen < 2)
            return -1;
        /* byte always_display, string message, string language */
        return copy_string(pl + 2, plen - 2, t->last_debug, sizeof(t->last_debug));
    default:
        return 0;
    }
}

/*
 * Processes one complete packet in buf[0..len).  Returns the number of
 * bytes consumed, 0 if the packet is incomplete, or -1 on protocol error.
 */
long ssh_recv_packet(struct ssh_transport *t, const uint8_t *buf, size_t len)
{
    uint32_t packet_len, payload_len;
    uint8_t pad_len;

    if (len < 5)
        return 0;
    packet_len = get_u32(buf);
    if (packet_len < 12 || packet_len > SSH_MAX_PACKET)
        return -1;
    if (len - 4 < packet_len)
        return 0;
    pad_len = buf[4];
    if (pad_len < 4)
        return -1;
    payload_len = packet_len - pad_len - 1; // expect-warning: CWE-191

    t->recv_seq++;
    if (handle_payload(t, buf + 5, payload_len) < 0)
        return -1;
    return (long)packet_len + 4;
}
