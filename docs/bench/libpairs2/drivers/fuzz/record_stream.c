#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct record rec;
    size_t i = 12;
    uint32_t crc;
    if (n < 12 || record_begin(&rec, d) < 0)
        return 0;
    crc = rd_be32(d + 8);
    while (i < n) {
        size_t k = d[i++] * 3;
        if (k > n - i) k = n - i;
        record_feed(&rec, d + i, k);
        i += k;
    }
    if (record_finish(&rec, crc) == 0)
        crc = 0;
    record_release(&rec);
    return 0;
}
