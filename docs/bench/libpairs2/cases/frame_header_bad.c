#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

#define FRAME_MAGIC 0x46524D31u /* "FRM1" */
#define FRAME_MAX_BYTES (64u << 20)

enum pixfmt {
    PF_GRAY8 = 1,
    PF_GRAY16 = 2,
    PF_RGB24 = 3,
    PF_RGBA32 = 4,
    PF_YUV420 = 5
};

struct frame {
    uint32_t width;
    uint32_t height;
    unsigned fmt;
    size_t stride;
    size_t size;
    uint8_t *data;
};

static uint32_t rd_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

int frame_from_header(const uint8_t *buf, size_t len, struct frame *f)
{
    size_t bpp, extra = 0;

    if (len < 13 || rd_be32(buf) != FRAME_MAGIC)
        return -1;
    f->width = rd_be32(buf + 4);
    f->height = rd_be32(buf + 8);
    f->fmt = buf[12];
    if (f->width == 0 || f->height == 0 || f->width > 16384 || f->height > 16384)
        return -1;
    switch (f->fmt) {
    case PF_GRAY8:
        bpp = 1;
        break;
    case PF_GRAY16:
        bpp = 2;
        break;
    case PF_RGB24:
        bpp = 3;
        break;
    case PF_RGBA32:
        bpp = 4;
        break;
    case PF_YUV420:
        if ((f->width | f->height) & 1)
            return -1;
        bpp = 1;
        extra = (size_t)f->width * f->height / 2;
        break;
    }
    f->stride = (size_t)f->width * bpp; // expect-warning: CWE-457
    if (f->stride > FRAME_MAX_BYTES / f->height)
        return -1;
    f->size = f->stride * f->height + extra;
    f->data = calloc(1, f->size);
    return f->data ? 0 : -1;
}

void frame_release(struct frame *f)
{
    free(f->data);
    f->data = NULL;
}
