#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct gray_image img;
    uint8_t *buf = malloc(n + 2);
    buf[0] = 'P';
    buf[1] = '5';
    memcpy(buf + 2, d, n);
    if (pgm_decode(&img, buf, n + 2) == 0) {
        gray_image_mean(&img, 0, 0, img.width, img.height);
        gray_image_mean(&img, img.width / 2, img.height / 2, 1, 1);
    }
    gray_image_free(&img);
    free(buf);
    return 0;
}
