#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BITMAP_MAX_DIM 16384

struct bitmap {
    uint32_t width;
    uint32_t height;
    uint8_t *rgba;
};

static uint32_t rd32le(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
           ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* File: "RAW0" width(4, LE) height(4, LE) then width*height RGB triples. */
int bitmap_decode(struct bitmap *bm, const uint8_t *p, size_t n)
{
    uint32_t w, h, x, y, bytes;
    const uint8_t *src;
    uint8_t *dst;

    if (n < 12 || memcmp(p, "RAW0", 4) != 0)
        return -1;
    w = rd32le(p + 4);
    h = rd32le(p + 8);
    if (w == 0 || h == 0)
        return -1;
    bytes = w * h * 4;  // expect-warning: CWE-680
    if ((n - 12) / 3 < bytes / 4)
        return -1;
    bm->rgba = malloc(bytes);
    if (bm->rgba == NULL)
        return -1;
    src = p + 12;
    dst = bm->rgba;
    for (y = 0; y < h; y++) {
        for (x = 0; x < w; x++) {
            dst[0] = src[0];
            dst[1] = src[1];
            dst[2] = src[2];
            dst[3] = 0xff;
            dst += 4;
            src += 3;
        }
    }
    bm->width = w;
    bm->height = h;
    return 0;
}

void bitmap_free(struct bitmap *bm)
{
    free(bm->rgba);
    bm->rgba = NULL;
}
