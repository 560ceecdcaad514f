#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    char sep = (char)fz_u8(&f);
    size_t max = fz_u8(&f) % 6, k;
    const uint8_t *p;
    size_t len = fz_chunk(&f, 255, &p);
    struct rstr *s = rstr_new((const char *)p, len), *t, *parts[6], *j;

    t = rstr_trim(s);
    rstr_release(s);
    k = rstr_split(t, sep, parts, max);
    rstr_release(t);
    if (k) {
        j = rstr_join(parts, k, sep);
        if (j) {
            (void)rstr_equal(j, parts[0]);
            rstr_release(j);
        }
        rstr_release_all(parts, k);
    }
    return 0;
}
