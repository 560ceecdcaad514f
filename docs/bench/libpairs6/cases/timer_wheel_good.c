/* Hashed timer wheel: one-shot and periodic timers with callbacks,
 * advanced by the caller in ticks. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define WHEEL_SLOTS 64

struct timer_wheel;
struct timer;

typedef void (*timer_cb)(struct timer_wheel *w, struct timer *t, void *arg);

struct timer {
    struct timer *next;
    uint64_t expires;
    unsigned period;
    timer_cb cb;
    void *arg;
    unsigned id;
};

struct timer_wheel {
    struct timer *slots[WHEEL_SLOTS];
    uint64_t now;
    struct timer *running;
    unsigned next_id;
    size_t active;
    uint64_t fired;
};

struct timer_wheel *wheel_new(void)
{
    return calloc(1, sizeof(struct timer_wheel));
}

static void slot_insert(struct timer_wheel *w, struct timer *t)
{
    unsigned s = (unsigned)(t->expires % WHEEL_SLOTS);

    t->next = w->slots[s];
    w->slots[s] = t;
}

static int slot_unlink(struct timer_wheel *w, struct timer *t)
{
    struct timer **pp = &w->slots[t->expires % WHEEL_SLOTS];

    for (; *pp; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            return 0;
        }
    }
    return -1;
}

/* Arms a timer firing after delay ticks (at least 1), then every period
 * ticks if period is non-zero. */
struct timer *timer_add(struct timer_wheel *w, unsigned delay, unsigned period,
                        timer_cb cb, void *arg)
{
    struct timer *t;

    if (!cb)
        return NULL;
    t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->expires = w->now + (delay ? delay : 1);
    t->period = period;
    t->cb = cb;
    t->arg = arg;
    t->id = ++w->next_id;
    slot_insert(w, t);
    w->active++;
    return t;
}

/* Stops and releases a timer; may be called from any callback. */
void timer_cancel(struct timer_wheel *w, struct timer *t)
{
    if (!t)
        return;
    if (t == w->running) {
        t->period = 0;
        return;
    }
    slot_unlink(w, t);
    w->active--;
    free(t);
}

static void run_slot(struct timer_wheel *w, unsigned s)
{
    struct timer *list = w->slots[s], *t, *next;

    w->slots[s] = NULL;
    for (t = list; t; t = next) {
        next = t->next;
        if (t->expires > w->now) {
            slot_insert(w, t);
            continue;
        }
        w->running = t;
        t->cb(w, t, t->arg);
        w->running = NULL;
        w->fired++;
        if (t->period) {
            t->expires = w->now + t->period;
            slot_insert(w, t);
        } else {
            w->active--;
            free(t);
        }
    }
}

/* Moves time forward by ticks, firing every timer that comes due. */
void wheel_advance(struct timer_wheel *w, unsigned ticks)
{
    while (ticks--) {
        w->now++;
        run_slot(w, (unsigned)(w->now % WHEEL_SLOTS));
    }
}

size_t wheel_active(const struct timer_wheel *w)
{
    return w->active;
}

/* Ticks until the next timer fires, or 0 if none is armed. */
uint64_t wheel_next_expiry(const struct timer_wheel *w)
{
    uint64_t best = 0;
    const struct timer *t;
    unsigned s;

    for (s = 0; s < WHEEL_SLOTS; s++)
        for (t = w->slots[s]; t; t = t->next)
            if (best == 0 || t->expires - w->now < best)
                best = t->expires - w->now;
    return best;
}

void wheel_free(struct timer_wheel *w)
{
    struct timer *t, *next;
    unsigned s;

    if (!w)
        return;
    for (s = 0; s < WHEEL_SLOTS; s++)
        for (t = w->slots[s]; t; t = next) {
            next = t->next;
            free(t);
        }
    free(w);
}
