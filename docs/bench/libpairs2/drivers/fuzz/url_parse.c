#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct url u;
    char *s = fz_str(d, n);
    url_parse(s, &u);
    url_release(&u);
    free(s);
    return 0;
}
