#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct cookie c;

    /* the header is passed with its length, not NUL-terminated */
    if (cookie_parse((const char *)d, n, "www.example.com", &c) == 0)
        (void)(strlen(c.name) + strlen(c.domain) + strlen(c.path));
    return 0;
}
