#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct env_block e = {0};
    static char *const parent[] = { "PATH=/bin", "HOME=/", "TERM=xterm", "BAD", NULL };
    static const char *const keep[] = { "PATH", "TERM", NULL };
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4;
        char *name = fz_str(&f, 12);
        if (op == 0) {
            char *val = fz_str(&f, 32);
            env_set(&e, name, val);
            free(val);
        } else if (op == 1) {
            env_unset(&e, name);
        } else if (op == 2) {
            env_get(&e, name);
        } else {
            env_inherit(&e, parent, keep);
        }
        free(name);
        if (e.vars && e.vars[e.count] != NULL)
            abort();
    }
    env_free(&e);
    return 0;
}
