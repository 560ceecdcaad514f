#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ipv4_pkt p;
    if (ipv4_parse(d, n, &p) == 0) {
        (void)ipv4_payload_checksum(&p);
        (void)ipv4_is_udp(&p);
    }
    return 0;
}
