#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct cfg *c = cfg_new();
    char *k, *v;

    if (!c)
        return 0;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 6;

        k = fz_str(&f, 6);
        switch (op) {
        case 0: v = fz_str(&f, 16); cfg_set_str(c, k, v); free(v); break;
        case 1: v = fz_str(&f, 16); if (cfg_set(c, k, v, free) < 0) free(v); break;
        case 2: cfg_set(c, k, cfg_get(c, k), cfg_get(c, k) ? free : NULL); break;
        case 3: cfg_unset(c, k); break;
        case 4: free(cfg_take(c, k)); break;
        case 5: cfg_get_str(c, k, ""); break;
        }
        free(k);
    }
    cfg_free(c);
    return 0;
}
