/* RTP (RFC 3550) packet parsing for a media relay: fixed header, CSRC
 * list, header extension with RFC 8285 one-byte elements, padding and
 * payload. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define RTP_MAX_EXT_ELEMS 16

struct rtp_ext_elem {
    uint8_t id, len;
    const uint8_t *data;
};

struct rtp_packet {
    uint8_t version, padding, extension, cc, marker, pt;
    uint16_t seq;
    uint32_t ts, ssrc;
    uint32_t csrc[15];
    uint16_t ext_profile;
    struct rtp_ext_elem ext[RTP_MAX_EXT_ELEMS];
    int next;
    const uint8_t *payload;
    size_t payload_len;
};

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Splits a one-byte-header extension block (profile 0xBEDE) into elements. */
static int parse_one_byte_ext(struct rtp_packet *p, const uint8_t *b, size_t n)
{
    size_t i = 0;

    p->next = 0;
    while (i < n) {
        uint8_t id = b[i] >> 4, len = (uint8_t)((b[i] & 0x0f) + 1);

        if (id == 0) {           /* padding byte */
            i++;
            continue;
        }
        if (id == 15)
            break;
        if (len > n - i - 1 || p->next == RTP_MAX_EXT_ELEMS)
            return -1;
        p->ext[p->next].id = id;
        p->ext[p->next].len = len;
        p->ext[p->next].data = b + i + 1;
        p->next++;
        i += 1 + len;
    }
    return 0;
}

int rtp_parse(struct rtp_packet *p, const uint8_t *d, size_t len)
{
    size_t off = 12, i;

    if (len < 12)
        return -1;
    p->version = d[0] >> 6;
    p->padding = (d[0] >> 5) & 1;
    p->extension = (d[0] >> 4) & 1;
    p->cc = d[0] & 0x0f;
    p->marker = d[1] >> 7;
    p->pt = d[1] & 0x7f;
    p->seq = be16(d + 2);
    p->ts = be32(d + 4);
    p->ssrc = be32(d + 8);
    p->next = 0;
    if (p->version != 2 || len - off < 4u * p->cc)
        return -1;
    for (i = 0; i < p->cc; i++, off += 4)
        p->csrc[i] = be32(d + off);
    if (p->extension) {
        size_t words;

        if (len - off < 4)
            return -1;
        p->ext_profile = be16(d + off);
        words = be16(d + off + 2);
        off += 4;
        if (4 * words > len - off)
            return -1;
        if (p->ext_profile == 0xbede && parse_one_byte_ext(p, d + off, 4 * words) < 0)
            return -1;
        off += 4 * words;
    }
    p->payload = d + off;
    p->payload_len = len - off;
    if (p->padding) {
        uint8_t pad;

        if (p->payload_len == 0)
            return -1;
        pad = d[len - 1];
        if (pad == 0 || pad > p->payload_len)
            return -1;
        p->payload_len -= pad;
    }
    return 0;
}

/* Data of extension element `id`, or NULL. */
const uint8_t *rtp_ext_get(const struct rtp_packet *p, uint8_t id, uint8_t *len)
{
    int i;

    for (i = 0; i < p->next; i++)
        if (p->ext[i].id == id) {
            *len = p->ext[i].len;
            return p->ext[i].data;
        }
    return NULL;
}

/* Sequence-number distance b - a, modulo 2^16. */
int rtp_seq_delta(uint16_t a, uint16_t b)
{
    return (int16_t)(uint16_t)(b - a);
}
