/* Drives gif_lzw: an image-data stream (LZW minimum code size 2) that keeps
 * adding table entries without a clear code until the table is full. */
#include CASE
#include <stdio.h>

struct bw { uint8_t *buf; size_t len; uint32_t acc; unsigned n; };

static void put_code(struct bw *w, unsigned code, unsigned size)
{
    w->acc |= (uint32_t)code << w->n;
    w->n += size;
    while (w->n >= 8) {
        w->buf[w->len++] = (uint8_t)w->acc;
        w->acc >>= 8;
        w->n -= 8;
    }
}

int main(void)
{
    enum { NCODES = 4200 };
    uint8_t *raw = calloc(NCODES * 2 + 16, 1), *blocks, *pix;
    struct bw w = { raw, 0, 0, 0 };
    unsigned size = 3, next = 6, i;
    size_t o = 0, k, n;
    struct gif_lzw *s;
    long got;

    put_code(&w, 4, size);             /* clear */
    put_code(&w, 0, size);             /* first literal, no new entry */
    for (i = 0; i < NCODES; i++) {
        put_code(&w, 0, size);
        if (next < 4096) {             /* mirrors the decoder's table growth */
            next++;
            if (next == (1u << size) && size < 12)
                size++;
        }
    }
    put_code(&w, 5, size);             /* end of information */
    if (w.n)
        raw[w.len++] = (uint8_t)w.acc;
    blocks = malloc(w.len + w.len / 255 + 2);
    for (k = 0; k < w.len; k += n) {
        n = w.len - k > 255 ? 255 : w.len - k;
        blocks[o++] = (uint8_t)n;
        memcpy(blocks + o, raw + k, n);
        o += n;
    }
    blocks[o++] = 0;
    pix = malloc(NCODES + 16);
    s = gif_lzw_new(2);
    got = gif_lzw_decode(s, blocks, o, pix, NCODES + 16);
    printf("decoded %ld pixels\n", got);
    gif_lzw_free(s);
    free(pix);
    free(blocks);
    free(raw);
    return 0;
}
