#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *d = malloc(size ? size : 1);
    struct mo_catalog c;
    char ct[64];

    memcpy(d, data, size);
    if (mo_open(&c, d, size) == 0) {
        mo_gettext(&c, "hello");
        mo_gettext(&c, "world");
        mo_gettext(&c, "zzz");
        mo_header_value(&c, "Content-Type", ct, sizeof(ct));
        mo_count(&c);
    }
    free(d);
    return 0;
}
