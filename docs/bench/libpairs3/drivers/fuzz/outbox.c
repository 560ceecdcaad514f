#include CASE
#include "common.h"
static struct fz g_f;
static int transport(void *arg, const char *body, size_t len)
{
    (void)arg;
    if (strlen(body) != len)
        abort();
    return (int)(fz_u8(&g_f) % 3) - 1;
}
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct outbox ob;
    g_f.d = d; g_f.n = n; g_f.i = 0;
    outbox_init(&ob, transport, NULL);
    while (fz_more(&g_f)) {
        if (fz_u8(&g_f) & 1) {
            char body[32];
            int k = snprintf(body, sizeof(body), "m%u", fz_u8(&g_f));
            outbox_post(&ob, body, (size_t)k);
        } else {
            outbox_flush(&ob);
        }
    }
    outbox_destroy(&ob);
    return 0;
}
