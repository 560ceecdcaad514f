#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct utf8_span sp;
    size_t off;
    utf8_measure(d, n, &sp);
    if (sp.codepoints > n)
        abort();
    off = utf8_column_offset(d, n, n ? d[0] : 0);
    if (off > n)
        abort();
    return 0;
}
