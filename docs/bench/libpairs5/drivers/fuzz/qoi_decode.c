#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct qoi_desc desc;
    size_t len;
    uint8_t *px = qoi_decode(d, n, &desc, &len);

    if (px) {
        (void)qoi_mean_alpha(&desc, px, len);
        free(px);
    }
    return 0;
}
