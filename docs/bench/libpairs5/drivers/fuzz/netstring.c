#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ns_item items[8];
    const struct ns_item *v;
    char out[96];
    size_t used;
    long k = ns_split(d, n, items, 8, &used);

    if (k > 0) {
        (void)ns_payload_bytes(items, (size_t)k);
        if ((v = ns_lookup(items, (size_t)k, "key")) != NULL && v->len)
            (void)v->data[v->len - 1];
        (void)ns_encode(items[0].data, items[0].len, out, sizeof(out));
    }
    return 0;
}
