#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct id3_tag *t = id3_parse(d, n);

    if (t) {
        if (t->title)
            (void)strlen(t->title);
        id3_free(t);
    }
    return 0;
}
