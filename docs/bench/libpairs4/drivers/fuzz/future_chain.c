#include CASE
#include "common.h"

#define NF 6
static struct future *futs[NF];
static int refs_held[NF];        /* references owned by the harness */

static void drop_one(struct future *f, void *arg)
{
    size_t k = (size_t)arg;

    (void)f;
    if (refs_held[k] > 0) {      /* hand one of our references to the callback */
        refs_held[k]--;
        fut_release(futs[k]);
    }
}

static void observe(struct future *f, void *arg)
{
    (void)arg;
    fut_value(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    size_t i;

    for (i = 0; i < NF; i++) {
        futs[i] = fut_new();
        refs_held[i] = 1;
    }
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), a = op % NF, b = (op / NF) % NF;

        if (refs_held[a] == 0)
            continue;
        switch (fz_u8(&f) % 6) {
        case 0: fut_then(futs[a], drop_one, (void *)(size_t)a); break;
        case 1: fut_then(futs[a], observe, NULL); break;
        case 2: fut_resolve(futs[a], (long)op); break;
        case 3: fut_fail(futs[a], 5); break;
        case 4: if (refs_held[b] > 0 && a != b) fut_chain(futs[a], futs[b]); break;
        case 5: fut_ref(futs[a]); refs_held[a]++; break;
        }
    }
    /* settle whatever is pending so that chained references are dropped */
    for (i = 0; i < NF; i++)
        if (refs_held[i] > 0)
            fut_fail(futs[i], 1);
    for (i = 0; i < NF; i++)
        while (refs_held[i]-- > 0)
            fut_release(futs[i]);
    return 0;
}
