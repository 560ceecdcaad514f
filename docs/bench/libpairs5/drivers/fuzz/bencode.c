#include CASE
#include "common.h"

static size_t count(const struct bnode *b)
{
    size_t n = 0;
    for (; b; b = b->next)
        n += 1 + count(b->child) + (b->type == BN_STR && b->len ? (unsigned char)b->str[b->len - 1] : 0);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct bdecode_err err;
    struct bnode *b = bdecode(d, n, &err);

    if (!b) {
        (void)strlen(err.key);
        return 0;
    }
    (void)count(b);
    bnode_free(b);
    return 0;
}
