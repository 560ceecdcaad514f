#include CASE
#include "common.h"

struct obj { unsigned char *p; size_t size; };

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct slab_cache c;
    struct obj o[16] = { { 0 } };
    unsigned i, k;

    sc_init(&c);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), slot = fz_u8(&f) % 16;
        size_t size = fz_u16(&f) % 600 + 1;
        if (op % 3 == 0 && !o[slot].p) {
            if ((o[slot].p = sc_alloc(&c, size)) != NULL) {
                o[slot].size = size;
                memset(o[slot].p, (int)slot, size);
            }
        } else if (op % 3 == 1 && o[slot].p) {
            unsigned char *q = sc_realloc(&c, o[slot].p, o[slot].size, size);
            if (q) {
                o[slot].p = q;
                o[slot].size = size;
                memset(q, 1, size);
            }
        } else if (o[slot].p) {
            for (k = 0; k < o[slot].size; k++)
                o[slot].p[k] ^= 1;
            sc_free(&c, o[slot].p, o[slot].size);
            o[slot].p = NULL;
        }
    }
    for (i = 0; i < 16; i++)
        if (o[i].p)
            sc_free(&c, o[i].p, o[i].size);
    sc_destroy(&c);
    return 0;
}
