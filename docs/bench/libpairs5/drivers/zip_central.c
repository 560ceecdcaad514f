#include CASE
#include <stdio.h>
#include <stdlib.h>

static void w16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void w32(uint8_t *p, uint32_t v) { w16(p, (uint16_t)v); w16(p + 2, (uint16_t)(v >> 16)); }

int main(void)
{
    size_t len = 64 + ZIP_EOCD_LEN;
    uint8_t *b = calloc(1, len);
    struct zip_dir z;
    struct zip_entry e;

    w32(b + 64, ZIP_EOCD_SIG);
    w16(b + 64 + 8, 1); w16(b + 64 + 10, 1);
    w32(b + 64 + 12, 0x40);            /* cd size */
    w32(b + 64 + 16, 0xffffffe0u);     /* cd offset */
    if (zip_open(&z, b, len) == 0)
        printf("find: %d\n", zip_find(&z, "README", &e));
    else
        puts("rejected");
    free(b);
    return 0;
}
