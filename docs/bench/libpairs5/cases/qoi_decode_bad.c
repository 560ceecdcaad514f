/* QOI ("Quite OK Image") decoder: 14-byte header, op stream, 8-byte end
 * marker.  Output is tightly packed RGB or RGBA. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define QOI_HEADER_SIZE 14
#define QOI_PADDING 8
#define QOI_PIXELS_MAX (1u << 20)

#define QOI_OP_INDEX 0x00
#define QOI_OP_DIFF 0x40
#define QOI_OP_LUMA 0x80
#define QOI_OP_RUN 0xc0
#define QOI_OP_RGB 0xfe
#define QOI_OP_RGBA 0xff
#define QOI_MASK_2 0xc0

struct qoi_desc {
    uint32_t width;
    uint32_t height;
    uint8_t channels;
    uint8_t colorspace;
};

struct qoi_rgba {
    uint8_t r, g, b, a;
};

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned px_hash(struct qoi_rgba c)
{
    return (c.r * 3u + c.g * 5u + c.b * 7u + c.a * 11u) % 64u;
}

int qoi_read_header(const uint8_t *buf, size_t len, struct qoi_desc *d)
{
    if (len < QOI_HEADER_SIZE + QOI_PADDING || memcmp(buf, "qoif", 4) != 0)
        return -1;
    d->width = be32(buf + 4);
    d->height = be32(buf + 8);
    d->channels = buf[12];
    d->colorspace = buf[13];
    if (d->width == 0 || d->height == 0 || d->channels < 3 || d->channels > 4 || d->colorspace > 1)
        return -1;
    if (d->height > QOI_PIXELS_MAX / d->width)
        return -1;
    return 0;
}

uint8_t *qoi_decode(const uint8_t *buf, size_t len, struct qoi_desc *d, size_t *out_len)
{
    struct qoi_rgba index[64], px = { 0, 0, 0, 255 };
    size_t px_len, o = 0, p = QOI_HEADER_SIZE, end;
    unsigned ch, run;
    uint8_t *out, b1, b2;
    int vg;

    if (qoi_read_header(buf, len, d) < 0)
        return NULL;
    ch = d->channels;
    px_len = (size_t)d->width * d->height * ch;
    if (!(out = malloc(px_len)))
        return NULL;
    memset(index, 0, sizeof(index));
    end = len - QOI_PADDING;
    while (o < px_len) {
        if (p >= end) {
            memcpy(out + o, &px, ch);   /* truncated stream: repeat */
            o += ch;
            continue;
        }
        b1 = buf[p++];
        if (b1 == QOI_OP_RGB || b1 == QOI_OP_RGBA) {
            size_t need = b1 == QOI_OP_RGB ? 3 : 4;
            if (end - p < need)
                goto fail;
            px.r = buf[p];
            px.g = buf[p + 1];
            px.b = buf[p + 2];
            if (need == 4)
                px.a = buf[p + 3];
            p += need;
        } else if ((b1 & QOI_MASK_2) == QOI_OP_INDEX) {
            px = index[b1];
        } else if ((b1 & QOI_MASK_2) == QOI_OP_DIFF) {
            px.r += ((b1 >> 4) & 3) - 2;
            px.g += ((b1 >> 2) & 3) - 2;
            px.b += (b1 & 3) - 2;
        } else if ((b1 & QOI_MASK_2) == QOI_OP_LUMA) {
            if (p >= end)
                goto fail;
            b2 = buf[p++];
            vg = (b1 & 0x3f) - 32;
            px.r += vg - 8 + ((b2 >> 4) & 0x0f);
            px.g += vg;
            px.b += vg - 8 + (b2 & 0x0f);
        } else {
            run = (b1 & 0x3f) + 1u;
            if (run > px_len - o)
                goto fail;
            while (run--) {
                memcpy(out + o, &px, ch); // expect-warning: CWE-122
                o += ch;
            }
            continue;
        }
        index[px_hash(px)] = px;
        memcpy(out + o, &px, ch);
        o += ch;
    }
    *out_len = px_len;
    return out;
fail:
    free(out);
    return NULL;
}

/* Average alpha of a decoded RGBA image, 255 for RGB images. */
unsigned qoi_mean_alpha(const struct qoi_desc *d, const uint8_t *px, size_t len)
{
    size_t i, n = 0;
    unsigned long sum = 0;

    if (d->channels != 4)
        return 255;
    for (i = 3; i < len; i += 4, n++)
        sum += px[i];
    return n ? (unsigned)(sum / n) : 255;
}
