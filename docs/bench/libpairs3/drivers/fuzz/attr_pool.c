#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct element el = {0};
    while (fz_more(&f)) {
        char *name = fz_str(&f, 64), *val = fz_str(&f, 255);
        const char *got;
        if (element_set_attr(&el, name, val) == 0) {
            got = element_get_attr(&el, name);
            if (!got || strcmp(got, val) != 0)
                abort();
        }
        free(name);
        free(val);
    }
    element_ns_decls(&el);
    element_clear(&el);
    return 0;
}
