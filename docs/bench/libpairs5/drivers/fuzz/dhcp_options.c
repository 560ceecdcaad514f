#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct dhcp_msg m;

    if (dhcp_parse(d, n, &m) == 0)
        (void)dhcp_wants_param(&m, OPT_ROUTER);
    return 0;
}
