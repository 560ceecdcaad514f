/* libpcap savefile reader.  Records are copied into a reader-owned buffer
 * of snapshot-length size so that they stay valid while the caller's
 * input buffer is refilled. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCAP_MAGIC_USEC 0xa1b2c3d4u
#define PCAP_MAGIC_NSEC 0xa1b23c4du
#define PCAP_GHDR_LEN 24
#define PCAP_RHDR_LEN 16
#define PCAP_SNAPLEN_MAX 262144u

struct pcap_reader {
    const uint8_t *buf;
    size_t len;
    size_t off;
    int swapped;
    int nsec;
    uint32_t snaplen;
    uint32_t linktype;
    uint8_t *pkt;
    uint64_t count;
};

struct pcap_record {
    uint32_t ts_sec;
    uint32_t ts_frac;
    uint32_t caplen;
    uint32_t origlen;
    const uint8_t *data;
};

static uint32_t rd32le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t bswap32(uint32_t v)
{
    return v >> 24 | (v >> 8 & 0xff00u) | (v << 8 & 0xff0000u) | v << 24;
}

static uint32_t field32(const struct pcap_reader *r, const uint8_t *p)
{
    uint32_t v = rd32le(p);
    return r->swapped ? bswap32(v) : v;
}

int pcap_open(struct pcap_reader *r, const uint8_t *buf, size_t len)
{
    uint32_t magic;
    uint16_t major;

    memset(r, 0, sizeof(*r));
    if (len < PCAP_GHDR_LEN)
        return -1;
    magic = rd32le(buf);
    if (magic == bswap32(PCAP_MAGIC_USEC) || magic == bswap32(PCAP_MAGIC_NSEC)) {
        r->swapped = 1;
        magic = bswap32(magic);
    }
    if (magic != PCAP_MAGIC_USEC && magic != PCAP_MAGIC_NSEC)
        return -1;
    r->nsec = magic == PCAP_MAGIC_NSEC;
    major = (uint16_t)(r->swapped ? (buf[4] << 8 | buf[5]) : (buf[5] << 8 | buf[4]));
    if (major != 2)
        return -1;
    r->snaplen = field32(r, buf + 16);
    if (r->snaplen == 0 || r->snaplen > PCAP_SNAPLEN_MAX)
        r->snaplen = PCAP_SNAPLEN_MAX;
    r->linktype = field32(r, buf + 20) & 0x0fffffffu;
    if (!(r->pkt = malloc(r->snaplen)))
        return -1;
    r->buf = buf;
    r->len = len;
    r->off = PCAP_GHDR_LEN;
    return 0;
}

/* Returns 1 with the next record, 0 at the end of the file, -1 on error. */
int pcap_next(struct pcap_reader *r, struct pcap_record *rec)
{
    const uint8_t *h;

    if (r->off == r->len)
        return 0;
    if (r->len - r->off < PCAP_RHDR_LEN)
        return -1;
    h = r->buf + r->off;
    rec->ts_sec = field32(r, h);
    rec->ts_frac = field32(r, h + 4);
    rec->caplen = field32(r, h + 8);
    rec->origlen = field32(r, h + 12);
    if (rec->ts_frac >= (r->nsec ? 1000000000u : 1000000u))
        return -1;
    if (rec->caplen > rec->origlen || rec->caplen > r->snaplen || rec->caplen > r->len - r->off - PCAP_RHDR_LEN)
        return -1;
    memcpy(r->pkt, h + PCAP_RHDR_LEN, rec->caplen);
    rec->data = r->pkt;
    r->off += PCAP_RHDR_LEN + rec->caplen;
    r->count++;
    return 1;
}

uint64_t pcap_timestamp_us(const struct pcap_reader *r, const struct pcap_record *rec)
{
    uint64_t us = r->nsec ? rec->ts_frac / 1000u : rec->ts_frac;
    return (uint64_t)rec->ts_sec * 1000000u + us;
}

const char *pcap_linktype_name(uint32_t lt)
{
    switch (lt) {
    case 1: return "EN10MB";
    case 101: return "RAW";
    case 113: return "LINUX_SLL";
    case 127: return "IEEE802_11_RADIO";
    case 276: return "LINUX_SLL2";
    default: return "UNKNOWN";
    }
}

void pcap_close(struct pcap_reader *r)
{
    free(r->pkt);
    r->pkt = NULL;
}
