#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct smtp_reply r;
    struct smtp_ext e;
    size_t off = 0;
    long k;

    while (off < n && (k = smtp_parse_reply((const char *)d + off, n - off, &r)) > 0) {
        (void)smtp_ehlo_extensions(&r, &e);
        off += (size_t)k;
    }
    return 0;
}
