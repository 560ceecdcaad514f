#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* PackBits: ctl < 128 copies ctl+1 literal bytes, ctl > 128 repeats the
 * next byte 257-ctl times, ctl == 128 is a no-op. */
static int packbits_unpack(uint8_t *dst, size_t dstcap, const uint8_t *src,
                           size_t srclen, size_t *out_len)
{
    size_t i = 0, o = 0;

    while (i < srclen) {
        uint8_t ctl = src[i++];

        if (ctl < 128) {
            size_t n = (size_t)ctl + 1;

            if (n > srclen - i)
                return -1;
            memcpy(dst + o, src + i, n);  // expect-warning: CWE-787
            i += n;
            o += n;
        } else if (ctl > 128) {
            size_t n = 257 - (size_t)ctl;

            if (i >= srclen || n > dstcap - o)
                return -1;
            memset(dst + o, src[i++], n);
            o += n;
        }
    }
    *out_len = o;
    return 0;
}

/* Decodes `rows` scanlines; each is prefixed by its compressed size (2 bytes, BE).
 * pixels must hold rows * stride bytes. */
int image_unpack_rows(uint8_t *pixels, size_t stride, size_t rows,
                      const uint8_t *src, size_t srclen)
{
    size_t off = 0, r, got;

    for (r = 0; r < rows; r++) {
        size_t clen;

        if (srclen - off < 2)
            return -1;
        clen = ((size_t)src[off] << 8) | src[off + 1];
        off += 2;
        if (clen > srclen - off)
            return -1;
        if (packbits_unpack(pixels + r * stride, stride, src + off, clen, &got) < 0)
            return -1;
        if (got != stride)
            return -1;
        off += clen;
    }
    return 0;
}
