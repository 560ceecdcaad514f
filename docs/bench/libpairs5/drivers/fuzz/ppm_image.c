#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct pnm_info info;
    size_t need, i;
    uint8_t *px;
    unsigned acc = 0;

    if (pnm_read_header(d, n, &info) < 0)
        return 0;
    need = pnm_image_size(&info);
    if (need == 0 || need > (1u << 22))
        return 0;
    px = malloc(need);
    if (pnm_read(d, n, px, need, &info) == 0)
        for (i = 0; i < (size_t)info.width * info.height * info.channels; i++)
            acc += pnm_sample8(&info, px, i);
    free(px);
    return (int)(acc & 0);
}
