#include CASE
#include "common.h"
static int h(void *ctx, const char *path) { (void)ctx; (void)path; return 0; }
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct route_table t[2] = {{0}};
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), which = (op >> 4) & 1;
        char *s = fz_str(&f, 24);
        switch (op % 4) {
        case 0: route_add(&t[which], s, fz_u8(&f), h, (int)fz_u8(&f)); break;
        case 1: route_remove(&t[which], s); break;
        case 2: route_lookup(&t[which], s, fz_u8(&f)); break;
        case 3:
            route_table_free(&t[which]);
            route_table_clone(&t[which], &t[!which]);
            break;
        }
        free(s);
    }
    route_table_free(&t[0]);
    route_table_free(&t[1]);
    return 0;
}
