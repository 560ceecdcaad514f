#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct ring {
    uint8_t *data;
    size_t cap;
    size_t head;
    size_t tail;
    size_t count;
};

struct ring *ring_new(size_t cap)
{
    struct ring *r;

    if (cap == 0)
        return NULL;
    r = calloc(1, sizeof(*r));
    if (!r)
        return NULL;
    r->data = malloc(cap);
    if (!r->data) {
        free(r);
        return NULL;
    }
    r->cap = cap;
    return r;
}

void ring_free(struct ring *r)
{
    if (!r)
        return;
    free(r->data);
    free(r);
}

size_t ring_write(struct ring *r, const uint8_t *src, size_t n)
{
    size_t space = r->cap - r->count;
    size_t first;

    if (n > space)
        n = space;
    first = r->cap - r->tail;
    if (first > n)
        first = n;
    memcpy(r->data + r->tail, src, first);
    memcpy(r->data, src + first, n - first);
    r->tail = (r->tail + n) % r->cap;
    r->count += n;
    return n;
}

size_t ring_read(struct ring *r, uint8_t *dst, size_t n)
{
    size_t first;

    if (n > r->count)
        n = r->count;
    first = r->cap - r->head;
    if (first > n)
        first = n;
    memcpy(dst, r->data + r->head, first);
    memcpy(dst + first, r->data, n - first);
    r->head = (r->head + n) % r->cap;
    r->count -= n;
    return n;
}

size_t ring_used(const struct ring *r)
{
    return r->count;
}
