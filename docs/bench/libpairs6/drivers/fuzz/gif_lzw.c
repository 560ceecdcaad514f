/* libFuzzer harness for gif_lzw: first byte picks the minimum code size,
 * the rest is the sub-block stream. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct gif_lzw *s;
    uint8_t *pix;

    if (n < 1)
        return 0;
    s = gif_lzw_new(2 + d[0] % 7);
    pix = malloc(8192);
    if (s && pix)
        gif_lzw_decode(s, d + 1, n - 1, pix, 8192);
    free(pix);
    gif_lzw_free(s);
    return 0;
}
