#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct http_msg m;
    size_t i;
    msg_init(&m, 200);
    for (i = 0; i + 1 < n; i += 2) {
        size_t len = (size_t)d[i + 1] * ((d[i] & 0x40) ? 20000 : 1);
        const char *src = (const char *)d;
        if (len > n) { if ((d[i] & 3) == 0) msg_set_body(&m, src, len + MSG_BODY_MAX, "a/b"); continue; }
        switch (d[i] & 3) {
        case 0: msg_set_body(&m, src, len, (d[i] & 4) ? "text/plain" : "application/octet-stream-with-a-very-long-type-name-exceeding-sixty-four-bytes"); break;
        case 1: msg_append_body(&m, src, len); break;
        case 2: msg_clear(&m); break;
        default: break;
        }
    }
    msg_clear(&m);
    return 0;
}
