#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char name[16], value[128];
    struct hpack_field f;
    size_t off = 0;
    long r;

    while (off < n && (r = hpack_decode_literal(d + off, n - off, &f, name, sizeof(name), value, sizeof(value))) > 0) {
        (void)hpack_is_pseudo(name);
        (void)strlen(value);
        off += (size_t)r;
    }
    return 0;
}
