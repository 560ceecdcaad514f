#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ssh_transport t = {0};
    size_t off = 0;
    long rc;
    while (off < n && (rc = ssh_recv_packet(&t, d + off, n - off)) > 0) {
        off += (size_t)rc;
        if (t.disconnected)
            break;
    }
    if (off > n || strlen(t.last_debug) >= sizeof(t.last_debug))
        abort();
    return 0;
}
