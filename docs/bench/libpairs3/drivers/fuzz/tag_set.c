#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct tag_set *a = tag_set_new("a"), *b = tag_set_new("b");
    size_t i;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), id = fz_u8(&f) % 24;
        struct tag_set *t = (op & 4) ? a : b;
        if (op & 1)
            tag_set_add(t, id);
        else if (op & 2)
            tag_set_remove(t, id);
        else
            tag_set_has(t, id);
    }
    for (i = 1; i < a->n; i++)
        if (a->ids[i - 1] >= a->ids[i])
            abort();
    if (tag_set_overlap(a, b) > a->n)
        abort();
    tag_set_free(a);
    tag_set_free(b);
    return 0;
}
