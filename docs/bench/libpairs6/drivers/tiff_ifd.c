/* Drives tiff_ifd: a little-endian IFD with width, height and one strip
 * offset but no RowsPerStrip tag. */
#include CASE
#include <stdio.h>
#include <stdlib.h>

static void entry(uint8_t *e, unsigned tag, unsigned type, uint32_t val)
{
    e[0] = (uint8_t)tag; e[1] = (uint8_t)(tag >> 8);
    e[2] = (uint8_t)type;
    e[4] = 1;
    e[8] = (uint8_t)val; e[9] = (uint8_t)(val >> 8);
}

int main(void)
{
    size_t len = 8 + 2 + 3 * 12 + 4;
    uint8_t *f = calloc(len, 1);
    struct tiff_info info;
    int rc;

    memcpy(f, "II*\0", 4);
    f[4] = 8;
    f[8] = 3;
    entry(f + 10, TAG_WIDTH, TIFF_SHORT, 4);
    entry(f + 22, TAG_HEIGHT, TIFF_SHORT, 2);
    entry(f + 34, TAG_STRIP_OFFSETS, TIFF_LONG, 100);
    rc = tiff_read_info(f, len, &info);
    printf("rc %d: %ux%u rows/strip %u row bytes %llu\n", rc, info.width, info.height,
           info.rows_per_strip, (unsigned long long)tiff_row_bytes(&info));
    free(f);
    return 0;
}
