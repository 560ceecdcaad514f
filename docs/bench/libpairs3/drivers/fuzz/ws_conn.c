#include CASE
#include "common.h"
static int on_msg(void *arg, struct ws_conn *ws, int op, const uint8_t *p, size_t n)
{
    size_t k, *sum = arg;
    for (k = 0; k < n; k++)
        *sum += p[k];
    if (op == WS_CLOSE) {
        ws_free(ws);
        return 1;
    }
    return 0;
}
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    size_t sum = 0;
    struct ws_conn *ws = ws_new(on_msg, &sum);
    int rc = 0;
    while (fz_more(&f) && rc == 0) {
        const uint8_t *p;
        size_t k = fz_chunk(&f, 255, &p);
        rc = ws_feed(ws, p, k);
    }
    if (rc != 1)
        ws_free(ws);
    return 0;
}
