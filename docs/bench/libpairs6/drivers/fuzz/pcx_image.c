/* libFuzzer harness for pcx_image: the input is the .pcx file (images over
 * 4 Mpixels are skipped to keep allocations small). */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct pcx_info info;
    struct pcx_image *img;
    uint8_t rgb[3];

    if (pcx_read_header(d, n, &info) < 0 || (uint64_t)info.width * info.height * info.planes > (4u << 20))
        return 0;
    img = pcx_decode(d, n);
    if (img) {
        pcx_rgb(img, 0, 0, rgb);
        pcx_rgb(img, img->info.width - 1, img->info.height - 1, rgb);
        pcx_free(img);
    }
    return 0;
}
