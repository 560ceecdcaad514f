#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct iset s;
    uint64_t a, b;

    iset_init(&s);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4;
        a = fz_u16(&f);
        b = a + fz_u8(&f);
        switch (op) {
        case 0: case 1: iset_add(&s, a, b); break;
        case 2: iset_remove(&s, a, b); break;
        default:
            (void)iset_contains(&s, a, b);
            (void)iset_gap_at(&s, a, b + 10);
        }
    }
    (void)iset_total(&s);
    iset_clear(&s);
    return 0;
}
