#include CASE
#include <stdio.h>
int main(void)
{
    const char *hdr = "P5\n65536 65537\n255\n";
    size_t hl = strlen(hdr), n = hl + 65536;
    uint8_t *buf = malloc(n);
    struct gray_image img;
    memcpy(buf, hdr, hl);
    memset(buf + hl, 0x80, n - hl);
    printf("rc=%d\n", pgm_decode(&img, buf, n));
    gray_image_free(&img);
    free(buf);
    return 0;
}
