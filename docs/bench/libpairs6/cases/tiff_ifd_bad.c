/* TIFF baseline reader: byte order, first IFD and the tags describing
 * the image geometry and strip layout. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TAG_WIDTH 256
#define TAG_HEIGHT 257
#define TAG_BITS 258
#define TAG_COMPRESSION 259
#define TAG_PHOTOMETRIC 262
#define TAG_STRIP_OFFSETS 273
#define TAG_SAMPLES 277
#define TAG_ROWS_PER_STRIP 278
#define TAG_STRIP_COUNTS 279
#define TIFF_SHORT 3
#define TIFF_LONG 4

struct tiff_info {
    uint32_t width, height;
    unsigned bits, samples;
    unsigned compression, photometric;
    uint32_t rows_per_strip;
    uint32_t strips;
    uint32_t first_strip_offset;
};

struct tiff_rd {
    const uint8_t *d;
    size_t len;
    int big;
};

static uint32_t rd16(const struct tiff_rd *r, size_t off)
{
    const uint8_t *p = r->d + off;
    return r->big ? (uint32_t)(p[0] << 8 | p[1]) : (uint32_t)(p[1] << 8 | p[0]);
}

static uint32_t rd32(const struct tiff_rd *r, size_t off)
{
    const uint8_t *p = r->d + off;
    if (r->big)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Value of a SHORT or LONG entry with count 1 (stored inline). */
static int entry_value(const struct tiff_rd *r, size_t e, uint32_t *v)
{
    unsigned type = rd16(r, e + 2);
    uint32_t count = rd32(r, e + 4);

    if (count != 1)
        return -1;
    if (type == TIFF_SHORT)
        *v = rd16(r, e + 8);
    else if (type == TIFF_LONG)
        *v = rd32(r, e + 8);
    else
        return -1;
    return 0;
}

/* First element of a SHORT/LONG array entry, inline or at an offset. */
static int entry_first(const struct tiff_rd *r, size_t e, uint32_t *v, uint32_t *count)
{
    unsigned type = rd16(r, e + 2);
    uint32_t off;

    *count = rd32(r, e + 4);
    if (*count == 0 || *count > 0x3fffffff || (type != TIFF_SHORT && type != TIFF_LONG))
        return -1;
    if (*count * (type == TIFF_SHORT ? 2u : 4u) <= 4) {
        *v = type == TIFF_SHORT ? rd16(r, e + 8) : rd32(r, e + 8);
        return 0;
    }
    off = rd32(r, e + 8);
    if (off > r->len || r->len - off < 4)
        return -1;
    *v = type == TIFF_SHORT ? rd16(r, off) : rd32(r, off);
    return 0;
}

int tiff_read_info(const uint8_t *d, size_t len, struct tiff_info *info)
{
    struct tiff_rd r = { d, len, 0 };
    uint32_t ifd, v, count, rows_per_strip;
    unsigned n, i;
    size_t e;

    memset(info, 0, sizeof(*info));
    if (len < 8)
        return -1;
    if (memcmp(d, "II*\0", 4) == 0)
        r.big = 0;
    else if (memcmp(d, "MM\0*", 4) == 0)
        r.big = 1;
    else
        return -1;
    ifd = rd32(&r, 4);
    if (ifd < 8 || ifd > len - 2)
        return -1;
    n = rd16(&r, ifd);
    if ((size_t)n * 12 > len - ifd - 2)
        return -1;
    info->bits = 1;
    info->samples = 1;
    info->compression = 1;
    for (i = 0; i < n; i++) {
        e = ifd + 2 + (size_t)i * 12;
        switch (rd16(&r, e)) {
        case TAG_WIDTH: if (entry_value(&r, e, &info->width) < 0) return -1; break;
        case TAG_HEIGHT: if (entry_value(&r, e, &info->height) < 0) return -1; break;
        case TAG_BITS:
            if (entry_first(&r, e, &v, &count) < 0) return -1;
            info->bits = v;
            break;
        case TAG_SAMPLES: if (entry_value(&r, e, &v) < 0) return -1; info->samples = v; break;
        case TAG_COMPRESSION: if (entry_value(&r, e, &v) < 0) return -1; info->compression = v; break;
        case TAG_PHOTOMETRIC: if (entry_value(&r, e, &v) < 0) return -1; info->photometric = v; break;
        case TAG_ROWS_PER_STRIP: if (entry_value(&r, e, &rows_per_strip) < 0) return -1; break;
        case TAG_STRIP_OFFSETS:
            if (entry_first(&r, e, &info->first_strip_offset, &info->strips) < 0)
                return -1;
            break;
        }
    }
    if (info->width == 0 || info->height == 0 || info->strips == 0)
        return -1;
    if (rows_per_strip == 0 || rows_per_strip > info->height) // expect-warning: CWE-457
        rows_per_strip = info->height;
    info->rows_per_strip = rows_per_strip;
    if ((info->height + rows_per_strip - 1) / rows_per_strip != info->strips)
        return -1;
    return 0;
}

/* Bytes in one uncompressed row. */
uint64_t tiff_row_bytes(const struct tiff_info *info)
{
    return ((uint64_t)info->width * info->bits * info->samples + 7) / 8;
}
