#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char *s = fz_str(d, n);
    struct http_request *r = http_parse_head(s);
    if (r) { (void)http_expects_body(r); free(r); }
    free(s);
    return 0;
}
