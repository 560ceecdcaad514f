#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct kv_store s;
    char key[8];
    uint64_t ver;
    size_t vl;
    kv_open(&s, fz_u8(&f) % 8);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 3;
        snprintf(key, sizeof(key), "k%u", fz_u8(&f) % 10);
        if (op == 0) {
            const uint8_t *p;
            size_t k = fz_chunk(&f, 64, &p);
            kv_set(&s, key, p, k);
        } else if (op == 1) {
            if (kv_get(&s, key, &vl, &ver) && vl > 64)
                abort();
        } else {
            kv_del(&s, key, fz_u8(&f) & 1 ? 0 : fz_u8(&f));
        }
    }
    kv_close(&s);
    return 0;
}
