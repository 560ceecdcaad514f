/* Double-ended queue of pointers in a circular array that doubles when
 * full.  Used as a scheduler work list (urgent items are pushed to the
 * front) and for sliding windows over event streams. */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>

struct deque {
    void **slot;
    int cap, head, count;
};

int dq_init(struct deque *d, int cap)
{
    if (cap < 1)
        cap = 8;
    d->slot = malloc((size_t)cap * sizeof(*d->slot));
    if (!d->slot)
        return -1;
    d->cap = cap;
    d->head = d->count = 0;
    return 0;
}

void dq_free(struct deque *d)
{
    free(d->slot);
    d->slot = NULL;
    d->cap = d->head = d->count = 0;
}

static int dq_grow(struct deque *d)
{
    int nc, i;
    void **ns;

    if (d->cap > INT_MAX / 2)
        return -1;
    nc = d->cap * 2;
    ns = malloc((size_t)nc * sizeof(*ns));
    if (!ns)
        return -1;
    for (i = 0; i < d->count; i++)
        ns[i] = d->slot[(d->head + i) % d->cap];
    free(d->slot);
    d->slot = ns;
    d->cap = nc;
    d->head = 0;
    return 0;
}

int dq_push_back(struct deque *d, void *v)
{
    if (d->count == d->cap && dq_grow(d) < 0)
        return -1;
    d->slot[(d->head + d->count) % d->cap] = v;
    d->count++;
    return 0;
}

int dq_push_front(struct deque *d, void *v)
{
    if (d->count == d->cap && dq_grow(d) < 0)
        return -1;
    d->head = (d->head + d->cap - 1) % d->cap;
    d->slot[d->head] = v;
    d->count++;
    return 0;
}

void *dq_pop_front(struct deque *d)
{
    void *v;

    if (d->count == 0)
        return NULL;
    v = d->slot[d->head];
    d->head = (d->head + 1) % d->cap;
    d->count--;
    return v;
}

void *dq_pop_back(struct deque *d)
{
    if (d->count == 0)
        return NULL;
    d->count--;
    return d->slot[(d->head + d->count) % d->cap];
}

/* i-th element from the front (negative i counts from the back). */
void *dq_at(const struct deque *d, int i)
{
    if (i < 0)
        i += d->count;
    if (i < 0 || i >= d->count)
        return NULL;
    return d->slot[(d->head + i) % d->cap];
}

int dq_size(const struct deque *d)
{
    return d->count;
}

/* Removes the first element equal to v; returns 0 if found. */
int dq_remove(struct deque *d, const void *v)
{
    int i, j;

    for (i = 0; i < d->count; i++)
        if (d->slot[(d->head + i) % d->cap] == v)
            break;
    if (i == d->count)
        return -1;
    for (j = i; j + 1 < d->count; j++)
        d->slot[(d->head + j) % d->cap] = d->slot[(d->head + j + 1) % d->cap];
    d->count--;
    return 0;
}

/* Keeps only the newest n elements (sliding window). */
void dq_trim_front(struct deque *d, int n)
{
    while (d->count > n && d->count > 0)
        dq_pop_front(d);
}
