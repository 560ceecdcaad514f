#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct image img;
    if (tga_load(d, n, &img) == 0)
        free(img.pixels);
    return 0;
}
