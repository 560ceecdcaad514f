#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct conn *c = conn_new();
    char *s = fz_str(d, n);
    size_t i;
    for (i = 0; i < n && i < 64; i++) {
        switch (d[i] & 3) {
        case 0: conn_connect(c, s + i, d[i]); break;
        case 1: conn_established(c); break;
        case 2: conn_close(c); break;
        default: (void)strlen(conn_peer(c)); break;
        }
    }
    conn_free(c);
    free(s);
    return 0;
}
