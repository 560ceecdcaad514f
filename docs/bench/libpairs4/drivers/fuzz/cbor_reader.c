#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *buf = malloc(size ? size : 1);
    struct cbor_reader r;
    int64_t v;

    memcpy(buf, data, size);
    cbor_init(&r, buf, size);
    while (r.pos < r.len && cbor_skip(&r, 0) == 0)
        ;
    cbor_init(&r, buf, size);
    if (cbor_map_find(&r, "temp") == 0)
        cbor_get_int(&r, &v);
    cbor_init(&r, buf, size);
    cbor_get_int(&r, &v);
    free(buf);
    return 0;
}
