#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct listen_addr la;
    char *s = fz_str(d, n);
    if (parse_listen(s, &la) == 0 && la.port == 0) abort();
    free(s);
    return 0;
}
