#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define TGA_HDR_LEN 18
#define TGA_MAX_DIM 16384

struct image {
    uint16_t width;
    uint16_t height;
    uint8_t bytes_pp;
    uint8_t *pixels;
};

static uint16_t rd_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static int decode_rle(const uint8_t *src, size_t srclen, uint8_t *dst,
                      size_t npix, size_t bpp)
{
    size_t s = 0, o = 0, i;

    while (o < npix) {
        uint8_t h;
        size_t count;

        if (s >= srclen)
            return -1;
        h = src[s++];
        count = (size_t)(h & 0x7F) + 1;
        if (h & 0x80) {
            if (bpp > srclen - s)
                return -1;
            for (i = 0; i < count; i++)
                memcpy(dst + (o + i) * bpp, src + s, bpp); // expect-warning: CWE-122
            s += bpp;
        } else {
            if (count > npix - o)
                return -1;
            if (count * bpp > srclen - s)
                return -1;
            memcpy(dst + o * bpp, src + s, count * bpp);
            s += count * bpp;
        }
        o += count;
    }
    return 0;
}

int tga_load(const uint8_t *buf, size_t len, struct image *img)
{
    size_t id_len, npix, off;
    uint8_t type, depth;

    if (len < TGA_HDR_LEN)
        return -1;
    id_len = buf[0];
    type = buf[2];
    if (buf[1] != 0 || (type != 2 && type != 10))
        return -1;
    img->width = rd_le16(buf + 12);
    img->height = rd_le16(buf + 14);
    depth = buf[16];
    if (depth != 24 && depth != 32)
        return -1;
    if (img->width == 0 || img->height == 0 ||
        img->width > TGA_MAX_DIM || img->height > TGA_MAX_DIM)
        return -1;
    img->bytes_pp = depth / 8;
    off = TGA_HDR_LEN + id_len;
    if (off > len)
        return -1;
    npix = (size_t)img->width * img->height;
    img->pixels = malloc(npix * img->bytes_pp);
    if (!img->pixels)
        return -1;
    if (type == 10) {
        if (decode_rle(buf + off, len - off, img->pixels, npix, img->bytes_pp) == 0)
            return 0;
    } else if (npix * img->bytes_pp <= len - off) {
        memcpy(img->pixels, buf + off, npix * img->bytes_pp);
        return 0;
    }
    free(img->pixels);
    img->pixels = NULL;
    return -1;
}
