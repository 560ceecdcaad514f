#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct strbuf sb;
    size_t i = 0;
    sb_init(&sb);
    while (i < n) {
        size_t k = d[i++] % 40;
        if (k > n - i) k = n - i;
        sb_append(&sb, (const char *)d + i, k);
        i += k;
    }
    if (sb.data && strlen(sb.data) > sb.len) abort();
    free(sb_detach(&sb));
    sb_release(&sb);
    return 0;
}
