#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ip6_addr a, b;
    char out[40], *s;
    if (ip6_parse(&a, (const char *)d, n) == 0) {
        int k = ip6_format(&a, out, sizeof(out));
        if (k <= 0 || k >= 40 || ip6_parse(&b, out, (size_t)k) != 0 || memcmp(&a, &b, 16) != 0)
            abort();
    }
    s = malloc(n + 1);
    memcpy(s, d, n);
    s[n] = '\0';
    ip6_equal_text(s, "::1");
    free(s);
    return 0;
}
