#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct bmp_info *info = malloc(sizeof(*info));
    if (bmp_read_info(d, n, info) == 0) {
        (void)bmp_palette_lookup(info, n & 0xff);
        (void)bmp_row_stride(info);
    }
    free(info);
    return 0;
}
