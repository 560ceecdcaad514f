#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

typedef void (*timer_fn)(void *arg);

struct timer {
    unsigned id;
    uint64_t deadline;
    timer_fn fn;
    void *arg;
    struct timer *next;
};

struct timer_list {
    struct timer *head;
    size_t n;
    unsigned next_id;
};

unsigned timers_add(struct timer_list *tl, uint64_t deadline, timer_fn fn, void *arg)
{
    struct timer *t = malloc(sizeof(*t));
    struct timer **pp = &tl->head;

    if (!t)
        return 0;
    t->id = ++tl->next_id;
    t->deadline = deadline;
    t->fn = fn;
    t->arg = arg;
    while (*pp && (*pp)->deadline <= deadline)
        pp = &(*pp)->next;
    t->next = *pp;
    *pp = t;
    tl->n++;
    return t->id;
}

int timers_cancel(struct timer_list *tl, unsigned id)
{
    struct timer **pp;

    for (pp = &tl->head; *pp; pp = &(*pp)->next) {
        if ((*pp)->id == id) {
            struct timer *t = *pp;
            *pp = t->next;
            free(t);
            tl->n--;
            return 0;
        }
    }
    return -1;
}

size_t timers_run_expired(struct timer_list *tl, uint64_t now)
{
    struct timer **pp = &tl->head;
    struct timer *t, *next;
    size_t fired = 0;

    for (t = tl->head; t != NULL; t = next) {
        next = t->next;
        if (t->deadline <= now) {
            *pp = t->next;
            tl->n--;
            t->fn(t->arg);
            free(t);
            fired++;
        } else {
            pp = &t->next;
        }
    }
    return fired;
}

void timers_clear(struct timer_list *tl)
{
    while (tl->head) {
        struct timer *t = tl->head;
        tl->head = t->next;
        free(t);
    }
    tl->n = 0;
}
