/* libFuzzer harness for telnet_opts: the input is fed in chunks whose sizes
 * come from the stream. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct telnet *t = telnet_new();
    uint8_t out[64], reply[16];
    const uint8_t *p;
    size_t k;

    if (!t)
        return 0;
    while (fz_more(&f)) {
        k = fz_chunk(&f, 200, &p);
        telnet_recv(t, p, k, out, sizeof(out));
        telnet_pending_reply(t, reply, sizeof(reply));
    }
    telnet_free(t);
    return 0;
}
