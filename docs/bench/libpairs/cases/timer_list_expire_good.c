#include <stddef.h>
#include <stdlib.h>

struct timer {
    struct timer *next;
    unsigned long deadline;
    void (*fire)(void *arg);
    void *arg;
};

struct timer_list {
    struct timer *head;
};

int timer_add(struct timer_list *tl, unsigned long deadline,
              void (*fire)(void *arg), void *arg)
{
    struct timer *t = malloc(sizeof *t);

    if (t == NULL)
        return -1;
    t->deadline = deadline;
    t->fire = fire;
    t->arg = arg;
    t->next = tl->head;
    tl->head = t;
    return 0;
}

/* Fires and removes every timer whose deadline is <= now. */
size_t timer_run_expired(struct timer_list *tl, unsigned long now)
{
    struct timer **pp = &tl->head;
    struct timer *t;
    size_t fired = 0;

    while ((t = *pp) != NULL) {
        if (t->deadline <= now) {
            *pp = t->next;
            t->fire(t->arg);
            free(t);
            fired++;
        } else {
            pp = &t->next;
        }
    }
    return fired;
}

void timer_list_clear(struct timer_list *tl)
{
    struct timer *t = tl->head, *next;

    while (t != NULL) {
        next = t->next;
        free(t);
        t = next;
    }
    tl->head = NULL;
}
