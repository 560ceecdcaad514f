#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct hash_map *m = hm_new(free);
    char *k, *k2;

    if (!m)
        return 0;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 5;

        k = fz_str(&f, 8);
        switch (op) {
        case 0: case 1: hm_put(m, k, strdup(k)); break;
        case 2: hm_get(m, k); break;
        case 3: free(hm_take(m, k)); break;
        case 4: k2 = fz_str(&f, 8); hm_rename(m, k, k2); free(k2); break;
        }
        free(k);
    }
    hm_free(m);
    return 0;
}
