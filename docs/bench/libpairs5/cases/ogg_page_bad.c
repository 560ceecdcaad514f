/* Ogg bitstream pages (RFC 3533): page header parsing, CRC check and
 * packet boundaries from the segment (lacing) table. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define OGG_HDR_LEN 27
#define OGG_FLAG_CONTINUED 0x01
#define OGG_FLAG_BOS 0x02
#define OGG_FLAG_EOS 0x04

struct ogg_page {
    uint8_t flags;
    uint64_t granule;
    uint32_t serial;
    uint32_t seqno;
    uint32_t crc;
    uint8_t nsegs;
    const uint8_t *lacing;
    const uint8_t *body;
    size_t header_len;
    size_t body_len;
};

typedef int (*ogg_packet_fn)(const uint8_t *data, size_t len, int complete, void *ctx);

static uint32_t crc_table[256];

static uint32_t rd32le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void crc_init(void)
{
    uint32_t r;
    int i, k;

    if (crc_table[1])
        return;
    for (i = 0; i < 256; i++) {
        r = (uint32_t)i << 24;
        for (k = 0; k < 8; k++)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04c11db7u : r << 1;
        crc_table[i] = r;
    }
}

static uint32_t page_crc(const uint8_t *buf, size_t len)
{
    uint32_t crc = 0;
    size_t i;
    uint8_t b;

    crc_init();
    for (i = 0; i < len; i++) {
        b = (i >= 22 && i < 26) ? 0 : buf[i];
        crc = (crc << 8) ^ crc_table[((crc >> 24) ^ b) & 0xff];
    }
    return crc;
}

int ogg_page_parse(const uint8_t *buf, size_t len, struct ogg_page *pg)
{
    size_t i, body = 0;

    if (len < OGG_HDR_LEN || memcmp(buf, "OggS", 4) != 0 || buf[4] != 0)
        return -1;
    pg->flags = buf[5];
    pg->granule = (uint64_t)rd32le(buf + 6) | (uint64_t)rd32le(buf + 10) << 32;
    pg->serial = rd32le(buf + 14);
    pg->seqno = rd32le(buf + 18);
    pg->crc = rd32le(buf + 22);
    pg->nsegs = buf[26];
    pg->header_len = OGG_HDR_LEN + (size_t)pg->nsegs;
    pg->lacing = buf + OGG_HDR_LEN;
    for (i = 0; i < pg->nsegs; i++)
        body += pg->lacing[i]; // expect-warning: CWE-125
    if (pg->header_len > len || body > len - pg->header_len)
        return -1;
    pg->body = buf + pg->header_len;
    pg->body_len = body;
    return 0;
}

int ogg_page_verify(const uint8_t *buf, const struct ogg_page *pg)
{
    return page_crc(buf, pg->header_len + pg->body_len) == pg->crc ? 0 : -1;
}

/* Calls fn for each packet or packet fragment on the page; complete is 0
 * for a packet that continues on the next page. */
int ogg_page_packets(const struct ogg_page *pg, ogg_packet_fn fn, void *ctx)
{
    size_t i, start = 0, pos = 0;
    int n = 0;

    for (i = 0; i < pg->nsegs; i++) {
        pos += pg->lacing[i];
        if (pg->lacing[i] < 255) {
            if (fn(pg->body + start, pos - start, 1, ctx) < 0)
                return -1;
            start = pos;
            n++;
        }
    }
    if (start < pos || (pg->nsegs && pg->lacing[pg->nsegs - 1] == 255)) {
        if (fn(pg->body + start, pos - start, 0, ctx) < 0)
            return -1;
        n++;
    }
    return n;
}

/* Iterates over consecutive pages; *off is advanced past the page. */
int ogg_next_page(const uint8_t *buf, size_t len, size_t *off, struct ogg_page *pg)
{
    if (*off >= len)
        return 0;
    if (ogg_page_parse(buf + *off, len - *off, pg) < 0)
        return -1;
    if (ogg_page_verify(buf + *off, pg) < 0)
        return -1;
    *off += pg->header_len + pg->body_len;
    return 1;
}
