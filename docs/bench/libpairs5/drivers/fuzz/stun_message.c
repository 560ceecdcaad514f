#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct stun_msg m;

    if (stun_parse(d, n, &m) == 0 && stun_is_binding_success(&m))
        if (m.mapped.port == 0 && m.software_len)
            (void)m.software[m.software_len - 1];
    return 0;
}
