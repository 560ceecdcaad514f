#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct glyph_table t;
    struct glyph g;
    uint32_t text[8];
    unsigned i;

    glyph_table_init(&t, 16, 8);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4, cp = fz_u8(&f);
        switch (op) {
        case 0:
            memset(&g, 0, sizeof(g));
            g.cp = cp; g.advance = (uint16_t)fz_u8(&f); g.width = (uint16_t)fz_u16(&f);
            glyph_add(&t, &g);
            break;
        case 1: glyph_alias(&t, cp, fz_u8(&f)); break;
        case 2: glyph_remove(&t, cp); break;
        default:
            for (i = 0; i < 8; i++)
                text[i] = fz_u8(&f);
            (void)glyph_text_width(&t, text, 8);
        }
    }
    glyph_table_free(&t);
    return 0;
}
