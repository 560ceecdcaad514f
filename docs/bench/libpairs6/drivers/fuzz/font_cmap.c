/* libFuzzer harness for font_cmap: first byte is the number of code points
 * to map (16-bit values taken from the end), the rest is the cmap table. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint32_t text[32];
    uint16_t glyphs[32];
    struct cmap4 *cm;
    size_t k, i;

    if (n < 1)
        return 0;
    k = d[0] % 32;
    if (2 * k > n - 1)
        k = (n - 1) / 2;
    for (i = 0; i < k; i++)
        text[i] = (uint32_t)d[n - 2 * i - 1] << 8 | d[n - 2 * i - 2];
    cm = cmap4_open(d + 1, n - 1);
    if (!cm)
        return 0;
    cmap4_map_string(cm, text, k, glyphs);
    cmap4_glyph(cm, 0x41);
    cmap4_glyph(cm, 0xffff);
    cmap4_close(cm);
    return 0;
}
