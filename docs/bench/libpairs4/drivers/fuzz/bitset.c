#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct bitset *a = bitset_new(fz_u16(&f) % 1024), *b = bitset_new(fz_u8(&f) * 2);
    size_t k;

    if (!a || !b)
        goto out;
    while (fz_more(&f)) {
        switch (fz_u8(&f) % 7) {
        case 0: bitset_set(a, fz_u16(&f) % 1100); break;
        case 1: bitset_clear(a, fz_u16(&f) % 1100); break;
        case 2: bitset_test(a, fz_u16(&f) % 1100); break;
        case 3: k = fz_u16(&f) % 1100; bitset_set_range(a, k, fz_u16(&f) % 1100); break;
        case 4: bitset_alloc_run(a, fz_u8(&f)); break;
        case 5: bitset_set(b, fz_u16(&f) % 600); bitset_or(a, b); break;
        case 6: bitset_next_clear(a, fz_u16(&f) % 1100); bitset_count(a); break;
        }
    }
out:
    bitset_free(a);
    bitset_free(b);
    return 0;
}
