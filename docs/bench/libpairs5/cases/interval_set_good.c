/* Set of disjoint half-open ranges [start, end), kept as a sorted list;
 * used to track received byte ranges of a download. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct ival {
    uint64_t start;
    uint64_t end;
    struct ival *next;
};

struct iset {
    struct ival *head;
    size_t count;
};

void iset_init(struct iset *s)
{
    s->head = NULL;
    s->count = 0;
}

static struct ival *ival_new(uint64_t start, uint64_t end, struct ival *next)
{
    struct ival *v = malloc(sizeof(*v));

    if (v) {
        v->start = start;
        v->end = end;
        v->next = next;
    }
    return v;
}

/* Unlinks and frees the node after prev. */
static void drop_next(struct iset *s, struct ival *prev)
{
    struct ival *x = prev->next;

    prev->next = x->next;
    s->count--;
    free(x);
}

int iset_add(struct iset *s, uint64_t start, uint64_t end)
{
    struct ival **pp = &s->head, *cur, *n;

    if (start >= end)
        return -1;
    while (*pp && (*pp)->end < start)
        pp = &(*pp)->next;
    cur = *pp;
    if (!cur || cur->start > end) {
        if (!(n = ival_new(start, end, cur)))
            return -1;
        *pp = n;
        s->count++;
        return 0;
    }
    if (start < cur->start)
        cur->start = start;
    if (end > cur->end)
        cur->end = end;
    while (cur->next && cur->next->start <= cur->end) {
        n = cur->next;
        if (n->end > cur->end)
            cur->end = n->end;
        drop_next(s, cur);
    }
    return 0;
}

int iset_remove(struct iset *s, uint64_t start, uint64_t end)
{
    struct ival **pp = &s->head, *cur, *n;

    if (start >= end)
        return -1;
    while ((cur = *pp) != NULL && cur->start < end) {
        if (cur->end <= start) {
            pp = &cur->next;
            continue;
        }
        if (cur->start < start && cur->end > end) {
            if (!(n = ival_new(end, cur->end, cur->next)))
                return -1;
            cur->end = start;
            cur->next = n;
            s->count++;
            return 0;
        }
        if (cur->start < start) {
            cur->end = start;
            pp = &cur->next;
        } else if (cur->end > end) {
            cur->start = end;
            return 0;
        } else {
            *pp = cur->next;
            s->count--;
            free(cur);
        }
    }
    return 0;
}

int iset_contains(const struct iset *s, uint64_t start, uint64_t end)
{
    const struct ival *v;

    for (v = s->head; v && v->start <= start; v = v->next)
        if (end <= v->end)
            return 1;
    return 0;
}

/* Length of the first gap at or after pos, 0 if pos is covered. */
uint64_t iset_gap_at(const struct iset *s, uint64_t pos, uint64_t limit)
{
    const struct ival *v;

    for (v = s->head; v; v = v->next) {
        if (pos < v->start)
            return (v->start < limit ? v->start : limit) - pos;
        if (pos < v->end)
            return 0;
    }
    return limit > pos ? limit - pos : 0;
}

uint64_t iset_total(const struct iset *s)
{
    const struct ival *v;
    uint64_t t = 0;

    for (v = s->head; v; v = v->next)
        t += v->end - v->start;
    return t;
}

void iset_clear(struct iset *s)
{
    struct ival *v = s->head, *next;

    for (; v; v = next) {
        next = v->next;
        free(v);
    }
    iset_init(s);
}
