#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct blob_cache c = {0};
    struct blob *held[8] = {0};
    char key[8];
    int i;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4, k = fz_u8(&f);
        snprintf(key, sizeof(key), "k%u", k % 6);
        if (op == 0) {
            const uint8_t *p;
            size_t len = fz_chunk(&f, 64, &p);
            blob_cache_store(&c, key, p, len);
        } else if (op == 1) {
            struct blob *b = blob_cache_get(&c, key);
            if (b) {
                if (held[k % 8])
                    blob_release(held[k % 8]);
                held[k % 8] = b;
            }
        } else if (op == 2) {
            blob_release(held[k % 8]);
            held[k % 8] = NULL;
        } else {
            blob_cache_remove(&c, key);
        }
    }
    for (i = 0; i < 8; i++)
        if (held[i] && held[i]->len > 64)
            abort();
    blob_cache_clear(&c);
    for (i = 0; i < 8; i++)
        blob_release(held[i]);
    return 0;
}
