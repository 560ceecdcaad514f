#include CASE
#include "common.h"
#include "lines.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct outputs_cfg c;
    outputs_init(&c);
    FOR_LINES(d, n, outputs_set_line(&c, line));
    (void)outputs_get(&c, n % 10);
    outputs_free(&c);
    return 0;
}
