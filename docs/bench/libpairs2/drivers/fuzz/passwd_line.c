#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct user u = {0};
    char *s = fz_str(d, n);
    passwd_parse_line(s, &u);
    user_release(&u);
    free(s);
    return 0;
}
