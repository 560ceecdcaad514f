#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ini ini = {0};
    char *s = fz_str(d, n);
    ini_parse(&ini, s);
    ini_free(&ini);
    free(s);
    return 0;
}
