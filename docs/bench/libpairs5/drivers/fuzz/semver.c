#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct semver a, b;
    const uint8_t *sep = memchr(d, '\n', n);
    size_t la = sep ? (size_t)(sep - d) : n;
    int ra, rb = -1;

    ra = semver_parse((const char *)d, la, &a);
    if (sep)
        rb = semver_parse((const char *)sep + 1, n - la - 1, &b);
    if (ra == 0 && rb == 0)
        (void)semver_compare(&a, &b);
    return 0;
}
