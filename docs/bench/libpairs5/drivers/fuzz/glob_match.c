#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    int flags = (int)(fz_u8(&f) & 7);
    char *pat = fz_str(&f, 64);
    char *s1 = fz_str(&f, 64);
    char *s2 = fz_str(&f, 64);
    const char *names[] = { s1, s2, NULL };

    (void)glob_has_magic(pat, flags);
    (void)glob_filter(pat, names, flags);
    free(pat);
    free(s1);
    free(s2);
    return 0;
}
