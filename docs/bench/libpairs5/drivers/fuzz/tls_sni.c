#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct tls_hello h;
    const char *s;

    if (tls_parse_client_hello(d, n, &h) == 0 && (s = tls_server_name(&h)) != NULL)
        (void)strlen(s);
    return 0;
}
