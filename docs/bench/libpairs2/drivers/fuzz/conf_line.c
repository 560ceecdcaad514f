#include CASE
#include "common.h"
#include "lines.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct conf c = {0};
    FOR_LINES(d, n, conf_parse_line(&c, line));
    (void)conf_get(&c, "port");
    conf_clear(&c);
    return 0;
}
