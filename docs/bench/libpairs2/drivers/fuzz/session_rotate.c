#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char *user = fz_str(d, n);
    struct session *s = session_create(user, n);
    size_t i;
    for (i = 0; s && i < n && i < 64; i++) {
        char prev[40];
        strcpy(prev, s->id);
        session_rotate(s, d[i] + 1);
        if (strncmp(prev, s->prev_prefix, 8) != 0) abort();
    }
    session_destroy(s);
    free(user);
    return 0;
}
