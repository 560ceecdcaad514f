/* Drives pcx_image: a 4x1 8-bit image whose only scanline is one run of 10
 * bytes. */
#include CASE
#include <stdio.h>

int main(void)
{
    size_t len = PCX_HDR_LEN + 2;
    uint8_t *f = calloc(len, 1), rgb[3];
    struct pcx_image *img;

    f[0] = 0x0a; f[1] = 5; f[2] = 1; f[3] = 8;
    f[8] = 3;                          /* xmax */
    f[65] = 1;                         /* planes */
    f[66] = 4;                         /* bytes per line */
    f[128] = 0xc0 | 10;
    f[129] = 0x55;
    img = pcx_decode(f, len);
    if (img) {
        printf("%ux%u rgb %d\n", img->info.width, img->info.height, pcx_rgb(img, 0, 0, rgb));
        pcx_free(img);
    }
    free(f);
    return 0;
}
