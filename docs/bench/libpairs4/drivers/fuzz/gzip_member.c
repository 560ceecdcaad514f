#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *d = malloc(size ? size : 1);
    struct gz_header h;
    const uint8_t *sub;
    size_t n;
    uint32_t crc, isize;

    memcpy(d, data, size);
    if (gz_parse_header(&h, d, size) == 0) {
        gz_header_crc_ok(&h, d);
        gz_extra_find(&h, 'A', 'P', &sub, &n);
        gz_trailer(d, size, &h, &crc, &isize);
    }
    free(d);
    return 0;
}
