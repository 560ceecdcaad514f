/* libFuzzer harness for thumb_cache: put / get / copy / remove on eight
 * keys under a 256-byte budget. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct thumb_cache *c = thumb_cache_new(256);
    char k1[8], k2[8];
    uint8_t px[300];
    const struct thumb *t;
    unsigned op;
    size_t len;

    memset(px, 0x42, sizeof(px));
    while (fz_more(&f)) {
        op = fz_u8(&f);
        snprintf(k1, sizeof(k1), "k%u", (op >> 2) & 7);
        snprintf(k2, sizeof(k2), "k%u", (op >> 5) & 7);
        switch (op & 3) {
        case 0:
            len = fz_u8(&f) + (op & 0x80 ? 40 : 0);
            thumb_put(c, k1, 8, 8, px, len);
            break;
        case 1:
            if ((t = thumb_get(c, k1)))
                (void)t->data[t->len - 1];
            break;
        case 2:
            thumb_copy(c, k1, k2);
            break;
        default:
            thumb_remove(c, k1);
        }
    }
    thumb_cache_free(c);
    return 0;
}
