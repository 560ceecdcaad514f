/* Drives font_cmap: a format-4 subtable with two segments whose length (24)
 * covers only the end and start code arrays, at the end of the table. */
#include CASE
#include <stdio.h>

static void w16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

int main(void)
{
    size_t len = 12 + 24;
    uint8_t *t = calloc(len, 1), *s = t + 12;
    uint32_t text[3] = { 'B', 'x', 0x263a };
    uint16_t glyphs[3];
    struct cmap4 *cm;

    w16(t + 2, 1);                     /* one encoding record */
    w16(t + 4, 0); w16(t + 6, 3);      /* Unicode BMP */
    t[11] = 12;                        /* subtable offset */
    w16(s, 4); w16(s + 2, 24); w16(s + 6, 4);
    w16(s + 8, 4); w16(s + 10, 1); w16(s + 12, 0);
    w16(s + 14, 0x5a); w16(s + 16, 0xffff);     /* endCode */
    w16(s + 20, 0x41); w16(s + 22, 0xffff);     /* startCode */
    cm = cmap4_open(t, len);
    if (cm) {
        printf("mapped %zu\n", cmap4_map_string(cm, text, 3, glyphs));
        cmap4_close(cm);
    } else {
        printf("rejected\n");
    }
    free(t);
    return 0;
}
