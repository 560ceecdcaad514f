#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ntp_packet *p = ntp_decode(d, n);
    char code[5];

    if (!p)
        return 0;
    if (ntp_kiss_code(p, code))
        (void)strlen(code);
    (void)ntp_check_reply(p, p->orig_ts, p->poll & 1);
    (void)ntp_check_reply(p, p->orig_ts, 0);
    ntp_free(p);
    return 0;
}
