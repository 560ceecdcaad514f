/* libFuzzer harness for tiff_ifd: the input is the TIFF file. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct tiff_info info;
    volatile uint64_t sink = 0;

    if (tiff_read_info(d, n, &info) == 0)
        sink = tiff_row_bytes(&info) + info.rows_per_strip;
    (void)sink;
    return 0;
}
