#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *in = malloc(size ? size : 1);
    struct lz_stats st = { 0, 0, 0 };
    size_t n;
    uint8_t *out;
    long sz;

    memcpy(in, data, size);
    sz = lz_decoded_size(in, size);
    lz_strerror(sz);
    if (sz >= 0 && sz <= 65536) {
        out = lz_unpack(in, size, &n, &st);
        free(out);
        lz_verify(in, size);
    }
    free(in);
    return 0;
}
