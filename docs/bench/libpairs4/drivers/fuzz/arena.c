#include <stdlib.h>

/* Allocation failures are injected: the first input byte selects which
 * malloc call (counted from 1) returns NULL; 0 means none. */
static unsigned fail_at, nalloc;

static void *fz_malloc(size_t n)
{
    if (fail_at && ++nalloc == fail_at)
        return NULL;
    return malloc(n);
}

#define malloc(n) fz_malloc(n)
#include CASE
#undef malloc
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct arena a;
    char *s, *p;

    fail_at = fz_u8(&f) % 16;
    nalloc = 0;
    arena_init(&a, fz_u16(&f) % 8192);
    while (fz_more(&f)) {
        switch (fz_u8(&f) % 5) {
        case 0: p = arena_alloc(&a, fz_u16(&f)); if (p) p[0] = 1; break;
        case 1: p = arena_calloc(&a, fz_u8(&f), fz_u8(&f)); break;
        case 2: s = fz_str(&f, 64); arena_strdup(&a, s); free(s); break;
        case 3: arena_reset(&a); break;
        case 4: arena_alloc(&a, 0); break;
        }
        if (a.nblocks > 2048)
            break;
    }
    arena_destroy(&a);
    return 0;
}
