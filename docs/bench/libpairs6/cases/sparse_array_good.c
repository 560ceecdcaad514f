/* Sparse array of doubles indexed by small integers: slots with an
 * occupancy flag, grown on demand, iterated in index order. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SA_INITIAL 16
#define SA_MAX_INDEX (1u << 24)

struct sa_slot {
    unsigned char used;
    double value;
};

struct sparse_array {
    struct sa_slot *slots;
    size_t cap;
    size_t nnz;
    double fill;
};

struct sparse_array *sa_new(double fill)
{
    struct sparse_array *a = calloc(1, sizeof(*a));

    if (!a)
        return NULL;
    a->slots = calloc(SA_INITIAL, sizeof(*a->slots));
    if (!a->slots) {
        free(a);
        return NULL;
    }
    a->cap = SA_INITIAL;
    a->fill = fill;
    return a;
}

void sa_free(struct sparse_array *a)
{
    if (a) {
        free(a->slots);
        free(a);
    }
}

static int reserve(struct sparse_array *a, size_t idx)
{
    size_t nc = a->cap;
    struct sa_slot *s;

    if (idx < a->cap)
        return 0;
    while (nc <= idx)
        nc *= 2;
    s = realloc(a->slots, nc * sizeof(*s));
    if (!s)
        return -1;
    memset(s + a->cap, 0, (nc - a->cap) * sizeof(*s));
    a->slots = s;
    a->cap = nc;
    return 0;
}

int sa_set(struct sparse_array *a, uint32_t idx, double v)
{
    if (idx >= SA_MAX_INDEX)
        return -1;
    if (idx < a->cap && a->slots[idx].used) {
        a->slots[idx].value = v;
        return 0;
    }
    if (reserve(a, idx) < 0)
        return -1;
    a->slots[idx].used = 1;
    a->slots[idx].value = v;
    a->nnz++;
    return 0;
}

double sa_get(const struct sparse_array *a, uint32_t idx)
{
    if (idx >= a->cap || !a->slots[idx].used)
        return a->fill;
    return a->slots[idx].value;
}

void sa_unset(struct sparse_array *a, uint32_t idx)
{
    if (idx < a->cap && a->slots[idx].used) {
        a->slots[idx].used = 0;
        a->nnz--;
    }
}

size_t sa_count(const struct sparse_array *a)
{
    return a->nnz;
}

/* Advances *pos to the next occupied index at or after *pos; returns 0
 * when there is none. */
int sa_next(const struct sparse_array *a, size_t *pos, double *v)
{
    size_t i = *pos;

    while (i < a->cap && !a->slots[i].used)
        i++;
    if (i >= a->cap)
        return 0;
    *v = a->slots[i].value;
    *pos = i;
    return 1;
}

double sa_sum(const struct sparse_array *a)
{
    size_t pos = 0;
    double v, total = 0;

    while (sa_next(a, &pos, &v)) {
        total += v;
        pos++;
    }
    return total;
}

/* Dot product over the indices occupied in both arrays. */
double sa_dot(const struct sparse_array *x, const struct sparse_array *y)
{
    size_t pos = 0;
    double v, total = 0;

    while (sa_next(x, &pos, &v)) {
        if (pos < y->cap && y->slots[pos].used)
            total += v * y->slots[pos].value;
        pos++;
    }
    return total;
}

/* Releases trailing unused capacity beyond the last occupied slot. */
int sa_trim(struct sparse_array *a)
{
    size_t last = a->cap, nc;
    struct sa_slot *s;

    while (last > 0 && !a->slots[last - 1].used)
        last--;
    nc = last < SA_INITIAL ? SA_INITIAL : last;
    if (nc >= a->cap)
        return 0;
    s = realloc(a->slots, nc * sizeof(*s));
    if (!s)
        return -1;
    a->slots = s;
    a->cap = nc;
    return 0;
}
