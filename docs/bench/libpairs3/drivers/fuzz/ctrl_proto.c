#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct ctrl_session s = {0};
    while (fz_more(&f)) {
        const uint8_t *p;
        size_t k = fz_chunk(&f, 64, &p);
        uint8_t *dg = malloc(k ? k : 1);
        memcpy(dg, p, k);
        if (ctrl_dispatch(&s, dg, k) == 1) {
            free(dg);
            break;
        }
        free(dg);
    }
    if (s.greeted && strlen(s.peer) >= sizeof(s.peer))
        abort();
    return 0;
}
