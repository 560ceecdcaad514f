#include CASE
#include <stdio.h>

int main(void)
{
    struct glyph_table t;
    struct glyph g;
    uint32_t cp;

    glyph_table_init(&t, 16, 8);
    for (cp = 0x30; cp < 0x30 + GLYPH_TABLE_MIN; cp++) {
        memset(&g, 0, sizeof(g));
        g.cp = cp; g.advance = 9; g.width = 8; g.height = 12; g.bitmap_off = cp * 12;
        glyph_add(&t, &g);
    }
    printf("alias: %d\n", glyph_alias(&t, 0xff10, 0x30));   /* fullwidth digit zero */
    glyph_table_free(&t);
    return 0;
}
