#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct sample_table t = {0};
    uint64_t off;
    if (stsz_parse(d, n, &t) == 0) {
        stsz_offset_of(&t, t.count / 2, 0, &off);
        stsz_release(&t);
    }
    return 0;
}
