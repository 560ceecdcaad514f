#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char *s = fz_str(d, n);
    contact_free(contact_parse(s));
    free(s);
    return 0;
}
