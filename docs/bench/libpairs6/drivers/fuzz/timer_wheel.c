/* libFuzzer harness for timer_wheel: add / advance / cancel operations.
 * A callback may cancel its own timer or arm a new one; the harness keeps a
 * list of the timers that are still alive. */
#include CASE
#include "common.h"

#define MAXT 64
static struct timer *live[MAXT];
static size_t nlive;

static void forget(struct timer *t)
{
    size_t i;

    for (i = 0; i < nlive; i++)
        if (live[i] == t) {
            live[i] = live[--nlive];
            return;
        }
}

static void on_fire(struct timer_wheel *w, struct timer *t, void *arg)
{
    uintptr_t act = (uintptr_t)arg;
    struct timer *n;

    if (act % 3 == 1) {
        forget(t);
        timer_cancel(w, t);
        return;
    }
    if (t->period == 0)
        forget(t);
    if (act % 3 == 2 && nlive < MAXT && (n = timer_add(w, (unsigned)(act % 70), 0, on_fire, (void *)(act / 3))))
        live[nlive++] = n;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct timer_wheel *w = wheel_new();
    struct timer *t;
    unsigned op;

    nlive = 0;
    while (fz_more(&f)) {
        op = fz_u8(&f);
        if (op % 3 == 0 && nlive < MAXT) {
            unsigned delay = fz_u8(&f), period = fz_u8(&f) % 8;
            t = timer_add(w, delay, period, on_fire, (void *)(uintptr_t)fz_u8(&f));
            if (t)
                live[nlive++] = t;
        } else if (op % 3 == 1) {
            wheel_advance(w, fz_u8(&f));
        } else if (nlive) {
            t = live[fz_u8(&f) % nlive];
            forget(t);
            timer_cancel(w, t);
        }
        wheel_next_expiry(w);
    }
    wheel_free(w);
    return 0;
}
