#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    char *a = fz_str(&f, 64), *b = fz_str(&f, 64), *j, *r;

    j = path_join(a, b);
    if (j) {
        path_extension(j);
        r = path_relative(a, j);
        free(r);
        r = path_relative(b, j);
        free(r);
        free(j);
    }
    path_is_contained(b);
    free(a);
    free(b);
    return 0;
}
