#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct server s = {0};
    struct conn *c = server_accept(&s, 3);
    size_t i = 0;
    int rc = 0;
    while (i < n && rc == 0) {
        size_t k = d[i++] * 5;
        if (k > n - i) k = n - i;
        rc = server_on_data(&s, c, d + i, k, (time_t)i);
        i += k;
    }
    if (rc == 0)
        server_drop(&s, c);
    if (s.nconns != 0) abort();
    return 0;
}
