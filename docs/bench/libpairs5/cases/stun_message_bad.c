/* STUN (RFC 5389) message parsing: header checks, attribute walk,
 * (XOR-)MAPPED-ADDRESS decoding, ERROR-CODE and FINGERPRINT placement. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define STUN_HDR_LEN 20
#define STUN_MAGIC 0x2112a442u

#define STUN_ATTR_MAPPED_ADDRESS 0x0001
#define STUN_ATTR_USERNAME 0x0006
#define STUN_ATTR_MESSAGE_INTEGRITY 0x0008
#define STUN_ATTR_ERROR_CODE 0x0009
#define STUN_ATTR_XOR_MAPPED_ADDRESS 0x0020
#define STUN_ATTR_SOFTWARE 0x8022
#define STUN_ATTR_FINGERPRINT 0x8028

struct stun_addr {
    uint8_t family;             /* 1 = IPv4, 2 = IPv6 */
    uint16_t port;
    uint8_t addr[16];
};

struct stun_msg {
    uint16_t type;
    uint8_t tid[12];
    int has_mapped;
    struct stun_addr mapped;
    int has_integrity;
    unsigned error_code;
    const uint8_t *software;
    size_t software_len;
};

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static int all_zero(const uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i]) // expect-warning: CWE-457
            return 0;
    return 1;
}

static int decode_addr(const uint8_t *v, size_t alen, int xored, const uint8_t *hdr, struct stun_addr *a)
{
    uint8_t raw[16];
    size_t n, i;

    if (alen < 4)
        return -1;
    a->family = v[1];
    if (a->family == 1)
        n = 4;
    else if (a->family == 2)
        n = 16;
    else
        return -1;
    if (alen != 4 + n)
        return -1;
    a->port = rd16(v + 2);
    memcpy(raw, v + 4, n);
    if (xored) {
        a->port ^= (uint16_t)(STUN_MAGIC >> 16);
        for (i = 0; i < n; i++)
            raw[i] ^= hdr[4 + i];       /* magic cookie, then transaction id */
    }
    if (a->port == 0 || all_zero(raw, sizeof(raw)))
        return -1;                      /* unspecified address or port */
    memset(a->addr, 0, sizeof(a->addr));
    memcpy(a->addr, raw, n);
    return 0;
}

int stun_parse(const uint8_t *buf, size_t len, struct stun_msg *m)
{
    size_t off = STUN_HDR_LEN, end, alen;
    uint16_t type, prev_type = 0;
    const uint8_t *v;

    memset(m, 0, sizeof(*m));
    if (len < STUN_HDR_LEN || (buf[0] & 0xc0) != 0)
        return -1;
    if (((uint32_t)buf[4] << 24 | (uint32_t)buf[5] << 16 | (uint32_t)buf[6] << 8 | buf[7]) != STUN_MAGIC)
        return -1;
    m->type = rd16(buf);
    end = STUN_HDR_LEN + (size_t)rd16(buf + 2);
    if ((end & 3) || end > len)
        return -1;
    memcpy(m->tid, buf + 8, 12);
    while (off < end) {
        if (end - off < 4)
            return -1;
        type = rd16(buf + off);
        alen = rd16(buf + off + 2);
        v = buf + off + 4;
        if (alen > end - off - 4)
            return -1;
        /* only FINGERPRINT may follow MESSAGE-INTEGRITY; nothing follows FINGERPRINT */
        if (prev_type == STUN_ATTR_FINGERPRINT)
            return -1;
        if (m->has_integrity && type != STUN_ATTR_FINGERPRINT)
            return -1;
        switch (type) {
        case STUN_ATTR_XOR_MAPPED_ADDRESS:
        case STUN_ATTR_MAPPED_ADDRESS:
            if (m->has_mapped == 2)
                break;          /* XOR-MAPPED-ADDRESS wins */
            if (decode_addr(v, alen, type == STUN_ATTR_XOR_MAPPED_ADDRESS, buf, &m->mapped) < 0)
                return -1;
            m->has_mapped = type == STUN_ATTR_XOR_MAPPED_ADDRESS ? 2 : 1;
            break;
        case STUN_ATTR_ERROR_CODE:
            if (alen < 4 || (v[2] & 7) < 3 || (v[2] & 7) > 6 || v[3] > 99)
                return -1;
            m->error_code = (v[2] & 7) * 100u + v[3];
            break;
        case STUN_ATTR_MESSAGE_INTEGRITY:
            if (alen != 20)
                return -1;
            m->has_integrity = 1;
            break;
        case STUN_ATTR_SOFTWARE:
            m->software = v;
            m->software_len = alen;
            break;
        default:
            if (type < 0x8000 && type != STUN_ATTR_USERNAME)
                return -1;      /* unknown comprehension-required attribute */
        }
        prev_type = type;
        off += 4 + ((alen + 3) & ~(size_t)3);
    }
    return off == end ? 0 : -1;
}

int stun_is_binding_success(const struct stun_msg *m)
{
    return m->type == 0x0101 && m->has_mapped;
}
