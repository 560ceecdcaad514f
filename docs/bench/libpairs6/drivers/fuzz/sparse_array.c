/* libFuzzer harness for sparse_array: set / get / unset / trim / sum / dot
 * on two arrays, indices below 4096. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct sparse_array *a[2] = { sa_new(0.0), sa_new(-1.0) };
    unsigned op, idx;
    volatile double sink = 0;

    while (fz_more(&f)) {
        op = fz_u8(&f);
        idx = fz_u16(&f) % 4096;
        switch (op % 6) {
        case 0: sa_set(a[op & 8 ? 1 : 0], idx, op); break;
        case 1: sink += sa_get(a[op & 8 ? 1 : 0], idx); break;
        case 2: sa_unset(a[op & 8 ? 1 : 0], idx); break;
        case 3: sa_trim(a[op & 8 ? 1 : 0]); break;
        case 4: sink += sa_sum(a[op & 8 ? 1 : 0]); break;
        default: sink += sa_dot(a[0], a[1]);
        }
    }
    if (sink == 1e300)
        abort();
    sa_free(a[0]);
    sa_free(a[1]);
    return 0;
}
