#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct probe_map m;
    int64_t v;
    pm_init(&m, fz_u8(&f) % 20);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f);
        uint64_t k = fz_u8(&f) % 64;
        if (op % 3 == 0) {
            pm_put(&m, k, (int64_t)op);
            if (pm_get(&m, k, &v) != 0 || v != (int64_t)op)
                abort();
        } else if (op % 3 == 1) {
            pm_del(&m, k);
            if (pm_get(&m, k, &v) == 0)
                abort();
        } else {
            pm_get(&m, k, &v);
        }
    }
    pm_free(&m);
    return 0;
}
