#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    uint8_t tmp[64];
    size_t i;
    struct ring *r;
    if (n < 1) return 0;
    r = ring_new(d[0] % 32 + 1);
    for (i = 1; i < n; i++) {
        size_t k = (d[i] >> 1) % 48;
        if (d[i] & 1) ring_read(r, tmp, k);
        else { memset(tmp, d[i], sizeof tmp); ring_write(r, tmp, k); }
        if (ring_used(r) > r->cap) abort();
    }
    ring_free(r);
    return 0;
}
