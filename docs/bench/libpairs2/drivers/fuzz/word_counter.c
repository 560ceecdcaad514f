#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct counter c;
    char *s = fz_str(d, n), *w, *sv;
    counter_init(&c);
    for (w = strtok_r(s, " \n", &sv); w; w = strtok_r(NULL, " \n", &sv)) {
        counter_incr(&c, w);
        if (counter_get(&c, w) == 0) abort();
    }
    counter_free(&c);
    free(s);
    return 0;
}
