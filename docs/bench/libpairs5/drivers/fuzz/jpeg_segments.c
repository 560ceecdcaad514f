#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct jpeg_info info;
    char desc[80];

    if (jpeg_scan(d, n, &info) == 0) {
        (void)jpeg_sample_bytes(&info);
        (void)jpeg_describe(&info, desc, sizeof(desc));
    }
    (void)strlen(info.comment);
    return 0;
}
