/* NTPv4 packet decoding (RFC 5905): 48-byte header, optional extension
 * fields and MAC, and client-side checks of a server reply. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NTP_HDR_LEN 48
#define NTP_MODE_CLIENT 3
#define NTP_MODE_SERVER 4
#define NTP_MAX_STRATUM 15
#define NTP_MAC_MAX 20

struct ntp_packet {
    uint8_t leap;
    uint8_t version;
    uint8_t mode;
    uint8_t stratum;
    int8_t poll;
    int8_t precision;
    uint32_t root_delay;
    uint32_t root_disp;
    uint8_t refid[4];
    uint64_t ref_ts, orig_ts, recv_ts, xmit_ts;
    unsigned next_ext;          /* number of extension fields */
    uint32_t key_id;
    size_t mac_len;
    uint8_t mac[NTP_MAC_MAX];
};

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

/* Extension fields (RFC 7822) are followed by an optional MAC of key id
 * plus 16- or 20-byte digest, or a 4-byte crypto-NAK. */
static int decode_tail(struct ntp_packet *p, const uint8_t *t, size_t n)
{
    size_t flen;

    while (n > 4 + NTP_MAC_MAX) {
        flen = (size_t)t[2] << 8 | t[3];
        if (flen < 16 || (flen & 3) || flen > n)
            return -1;
        p->next_ext++;
        t += flen;
        n -= flen;
    }
    p->key_id = n >= 4 ? be32(t) : 0;
    if (n == 0 || n == 4) {
        p->mac_len = 0;
    } else if (n == 20 || n == 24) {
        p->mac_len = n - 4;
        memcpy(p->mac, t + 4, p->mac_len);
    } else {
        return -1;
    }
    return 0;
}

struct ntp_packet *ntp_decode(const uint8_t *buf, size_t len)
{
    struct ntp_packet *p;

    if (len < NTP_HDR_LEN || (len & 3))
        return NULL;
    if (!(p = malloc(sizeof(*p))))
        return NULL;
    p->leap = buf[0] >> 6;
    p->version = (buf[0] >> 3) & 7;
    p->mode = buf[0] & 7;
    p->stratum = buf[1];
    p->poll = (int8_t)buf[2];
    p->precision = (int8_t)buf[3];
    p->root_delay = be32(buf + 4);
    p->root_disp = be32(buf + 8);
    memcpy(p->refid, buf + 12, 4);
    p->ref_ts = be64(buf + 16);
    p->orig_ts = be64(buf + 24);
    p->recv_ts = be64(buf + 32);
    p->xmit_ts = be64(buf + 40);
    p->next_ext = 0;
    if (len > NTP_HDR_LEN && decode_tail(p, buf + NTP_HDR_LEN, len - NTP_HDR_LEN) < 0) {
        free(p);
        return NULL;
    }
    return p;
}

/* Kiss-o'-Death: stratum 0, refid holds a four-letter ASCII code. */
int ntp_kiss_code(const struct ntp_packet *p, char code[5])
{
    if (p->stratum != 0)
        return 0;
    memcpy(code, p->refid, 4);
    code[4] = '\0';
    return 1;
}

/* Returns 0 if p is an acceptable reply to a request sent with the given
 * transmit timestamp. */
int ntp_check_reply(const struct ntp_packet *p, uint64_t sent_xmit, int require_mac)
{
    if (p->version < 3 || p->mode != NTP_MODE_SERVER)
        return -1;
    if (p->stratum == 0 || p->stratum > NTP_MAX_STRATUM || p->leap == 3)
        return -1;
    if (p->orig_ts != sent_xmit || p->xmit_ts == 0)
        return -1;
    if (p->mac_len == 0 && require_mac) // expect-warning: CWE-908
        return -1;
    return 0;
}

void ntp_free(struct ntp_packet *p)
{
    free(p);
}
