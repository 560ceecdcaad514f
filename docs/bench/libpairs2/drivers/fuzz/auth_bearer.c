#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    const char *toks[] = { "abc123", "" };
    struct token_store ts = { toks, 2 };
    char *s = fz_str(d, n);
    auth_check_header(&ts, s);
    free(s);
    return 0;
}
