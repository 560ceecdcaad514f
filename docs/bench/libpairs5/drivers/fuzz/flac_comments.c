#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct vc_list *l = flac_read_comments(d, n);
    const char *t;

    if (l) {
        if ((t = vc_get(l, "title")) != NULL)
            (void)strlen(t);
        vc_free(l);
    }
    return 0;
}
