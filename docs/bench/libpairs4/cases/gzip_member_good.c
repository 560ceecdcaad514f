/* gzip (RFC 1952) member header handling: fixed header, optional extra
 * subfields, original file name, comment and header CRC, plus access to
 * the 8-byte trailer. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define GZ_FHCRC 0x02
#define GZ_FEXTRA 0x04
#define GZ_FNAME 0x08
#define GZ_FCOMMENT 0x10

struct gz_header {
    uint8_t method, flags, xfl, os;
    uint32_t mtime;
    const uint8_t *extra;
    size_t extra_len;
    char name[256], comment[256];
    uint16_t hcrc;
    int has_hcrc;
    size_t data_off;          /* first byte of the deflate stream */
};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Copies a NUL-terminated field starting at *pos (truncating into out) and
 * moves *pos past its terminator; -1 if the terminator is missing. */
static int zstring(const uint8_t *d, size_t len, size_t *pos, char *out, size_t outsz)
{
    const uint8_t *z = memchr(d + *pos, 0, len - *pos);
    size_t n;

    if (!z)
        return -1;
    n = (size_t)(z - (d + *pos));
    if (n >= outsz)
        n = outsz - 1;
    memcpy(out, d + *pos, n);
    out[n] = '\0';
    *pos = (size_t)(z - d) + 1;
    return 0;
}

int gz_parse_header(struct gz_header *h, const uint8_t *d, size_t len)
{
    size_t pos = 10;

    memset(h, 0, sizeof(*h));
    if (len < 10 || d[0] != 0x1f || d[1] != 0x8b || d[2] != 8)
        return -1;
    h->method = d[2];
    h->flags = d[3];
    if (h->flags & 0xe0)
        return -1;
    h->mtime = le32(d + 4);
    h->xfl = d[8];
    h->os = d[9];
    if (h->flags & GZ_FEXTRA) {
        if (len - pos < 2)
            return -1;
        h->extra_len = (size_t)(d[pos] | d[pos + 1] << 8);
        pos += 2;
        if (h->extra_len > len - pos)
            return -1;
        h->extra = d + pos;
        pos += h->extra_len;
    }
    if ((h->flags & GZ_FNAME) && zstring(d, len, &pos, h->name, sizeof(h->name)) < 0)
        return -1;
    if ((h->flags & GZ_FCOMMENT) && zstring(d, len, &pos, h->comment, sizeof(h->comment)) < 0)
        return -1;
    if (h->flags & GZ_FHCRC) {
        if (len - pos < 2)
            return -1;
        h->hcrc = (uint16_t)(d[pos] | d[pos + 1] << 8);
        h->has_hcrc = 1;
        pos += 2;
    }
    h->data_off = pos;
    return 0;
}

/* Finds extra subfield (si1, si2); returns 0 and its data, or -1. */
int gz_extra_find(const struct gz_header *h, uint8_t si1, uint8_t si2, const uint8_t **data, size_t *n)
{
    size_t pos = 0, sl;

    while (h->extra_len - pos >= 4) {
        sl = (size_t)(h->extra[pos + 2] | h->extra[pos + 3] << 8);
        if (sl > h->extra_len - pos - 4)
            return -1;
        if (h->extra[pos] == si1 && h->extra[pos + 1] == si2) {
            *data = h->extra + pos + 4;
            *n = sl;
            return 0;
        }
        pos += 4 + sl;
    }
    return -1;
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
    int k;

    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

/* Checks FHCRC (low 16 bits of the CRC-32 of the header bytes before it). */
int gz_header_crc_ok(const struct gz_header *h, const uint8_t *d)
{
    if (!h->has_hcrc)
        return 1;
    return (crc32_update(0, d, h->data_off - 2) & 0xffff) == h->hcrc;
}

/* Reads CRC-32 and ISIZE from the trailer of a single-member file. */
int gz_trailer(const uint8_t *d, size_t len, const struct gz_header *h, uint32_t *crc, uint32_t *isize)
{
    if (len < h->data_off || len - h->data_off < 8)
        return -1;
    *crc = le32(d + len - 8);
    *isize = le32(d + len - 4);
    return 0;
}
