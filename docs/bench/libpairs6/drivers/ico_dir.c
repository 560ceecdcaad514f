/* Drives ico_dir: a directory header announcing two entries in a file that
 * holds only 28 bytes of directory after the 6-byte header. */
#include CASE
#include <stdio.h>

int main(void)
{
    static const uint8_t hdr[6] = { 0, 0, 1, 0, 2, 0 };
    size_t len = 6 + 28;
    uint8_t *f = calloc(len, 1);
    struct ico_dir *d;
    struct ico_image_info info;

    memcpy(f, hdr, 6);
    f[6] = 16; f[7] = 16; f[10] = 1; f[12] = 32;      /* 16x16, 32 bpp */
    f[14] = 0x68; f[15] = 0x04; f[18] = 38;           /* size 1128 at 38 */
    f[22] = 32; f[23] = 32; f[26] = 1; f[28] = 32;
    d = ico_open(f, len);
    if (d) {
        int b = ico_best(d, 32);
        printf("%u entries, best %d\n", ico_count(d), b);
        if (b >= 0 && ico_image_info(d, (unsigned)b, &info) == 0)
            printf("%ux%u\n", info.width, info.height);
        ico_close(d);
    } else {
        printf("rejected\n");
    }
    free(f);
    return 0;
}
