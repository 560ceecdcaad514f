#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct device_desc dd;
    tlv_parse_device(d, n, &dd);
    (void)device_is_named(&dd);
    return 0;
}
