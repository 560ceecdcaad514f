#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct addr_list a, b;
    char *s = malloc(n + 1);

    memcpy(s, d, n);
    s[n] = '\0';
    if (addr_list_parse(s, strlen(s), &a) == 0) {
        if (addr_list_copy(&b, &a) == 0) {
            if (b.n)
                (void)addr_list_find(&b, b.v[0].local, b.v[0].domain);
            addr_list_free(&b);
        }
        addr_list_free(&a);
    }
    free(s);
    return 0;
}
