#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Sorted set of 32-bit tag ids attached to a metric series.  Most series
 * carry only a handful of tags, so the first TAGSET_INLINE ids live inside
 * the object and heap storage is used only when the set grows beyond that.
 */

#define TAGSET_INLINE 4

struct tag_set {
    char series[24];
    size_t n;
    size_t cap;
    uint32_t *ids;
    uint32_t inline_ids[TAGSET_INLINE];
};

struct tag_set *tag_set_new(const char *series)
{
    struct tag_set *t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    strncpy(t->series, series, sizeof(t->series) - 1);
    t->ids = t->inline_ids;
    t->cap = TAGSET_INLINE;
    return t;
}

static size_t lower_bound(const struct tag_set *t, uint32_t id)
{
    size_t lo = 0, hi = t->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int tag_set_has(const struct tag_set *t, uint32_t id)
{
    size_t i = lower_bound(t, id);

    return i < t->n && t->ids[i] == id;
}

/* Returns 1 if added, 0 if already present, -1 on allocation failure. */
int tag_set_add(struct tag_set *t, uint32_t id)
{
    size_t i = lower_bound(t, id);

    if (i < t->n && t->ids[i] == id)
        return 0;
    if (t->n == t->cap) {
        size_t cap = t->cap * 2;
        uint32_t *p;

        if (t->ids == t->inline_ids) {
            p = malloc(cap * sizeof(*p));
            if (p)
                memcpy(p, t->inline_ids, t->n * sizeof(*p));
        } else {
            p = realloc(t->ids, cap * sizeof(*p));
        }
        if (!p)
            return -1;
        t->ids = p;
        t->cap = cap;
    }
    memmove(&t->ids[i + 1], &t->ids[i], (t->n - i) * sizeof(*t->ids));
    t->ids[i] = id;
    t->n++;
    return 1;
}

int tag_set_remove(struct tag_set *t, uint32_t id)
{
    size_t i = lower_bound(t, id);

    if (i >= t->n || t->ids[i] != id)
        return 0;
    memmove(&t->ids[i], &t->ids[i + 1], (t->n - i - 1) * sizeof(*t->ids));
    t->n--;
    /* fall back to inline storage once the set is small again */
    if (t->ids != t->inline_ids && t->n <= TAGSET_INLINE) {
        uint32_t *heap = t->ids;
        memcpy(t->inline_ids, heap, t->n * sizeof(*heap));
        t->ids = t->inline_ids;
        t->cap = TAGSET_INLINE;
        free(heap);
    }
    return 1;
}

/* Number of ids present in both sets. */
size_t tag_set_overlap(const struct tag_set *a, const struct tag_set *b)
{
    size_t i = 0, j = 0, n = 0;

    while (i < a->n && j < b->n) {
        if (a->ids[i] < b->ids[j])
            i++;
        else if (a->ids[i] > b->ids[j])
            j++;
        else {
            n++;
            i++;
            j++;
        }
    }
    return n;
}

void tag_set_free(struct tag_set *t)
{
    if (!t)
        return;
    if (t->ids != t->inline_ids)
        free(t->ids);
    free(t);
}
