/* Binary min-heap of prioritised items; ties are broken by insertion
 * order.  The queue owns item payloads and releases them with the
 * free_data function given at creation. */
#include <stddef.h>
#include <stdlib.h>

struct pq_item {
    int prio;
    unsigned long seq;
    void *data;
};

struct prio_queue {
    struct pq_item *heap;
    size_t count, cap;
    unsigned long seq;
    void (*free_data)(void *);
};

struct prio_queue *pq_new(void (*free_data)(void *))
{
    struct prio_queue *q = calloc(1, sizeof(*q));

    if (q)
        q->free_data = free_data;
    return q;
}

static int before(const struct pq_item *a, const struct pq_item *b)
{
    return a->prio < b->prio || (a->prio == b->prio && a->seq < b->seq);
}

static void swap(struct pq_item *a, struct pq_item *b)
{
    struct pq_item t = *a;

    *a = *b;
    *b = t;
}

static void sift_down(struct prio_queue *q, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;

        if (l < q->count && before(&q->heap[l], &q->heap[m]))
            m = l;
        if (r < q->count && before(&q->heap[r], &q->heap[m]))
            m = r;
        if (m == i)
            return;
        swap(&q->heap[i], &q->heap[m]);
        i = m;
    }
}

int pq_push(struct prio_queue *q, int prio, void *data)
{
    size_t i;

    if (q->count == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 16;
        struct pq_item *nh = realloc(q->heap, nc * sizeof(*nh));

        if (!nh)
            return -1;
        q->heap = nh;
        q->cap = nc;
    }
    i = q->count++;
    q->heap[i].prio = prio;
    q->heap[i].seq = q->seq++;
    q->heap[i].data = data;
    while (i > 0 && before(&q->heap[i], &q->heap[(i - 1) / 2])) {
        swap(&q->heap[i], &q->heap[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    return 0;
}

/* Removes the first item and returns its payload (now owned by the
 * caller), or NULL if the queue is empty. */
void *pq_pop(struct prio_queue *q, int *prio)
{
    void *d;

    if (q->count == 0)
        return NULL;
    d = q->heap[0].data;
    if (prio)
        *prio = q->heap[0].prio;
    q->heap[0] = q->heap[--q->count];
    sift_down(q, 0);
    return d;
}

void *pq_peek(const struct prio_queue *q, int *prio)
{
    if (q->count == 0)
        return NULL;
    if (prio)
        *prio = q->heap[0].prio;
    return q->heap[0].data;
}

size_t pq_size(const struct prio_queue *q)
{
    return q->count;
}

/* Releases every queued payload; the queue stays usable. */
void pq_clear(struct prio_queue *q)
{
    size_t i;

    for (i = 0; i < q->count; i++)
        if (q->free_data)
            q->free_data(q->heap[i].data); // expect-warning: CWE-415
    q->seq = 0;
}

void pq_free(struct prio_queue *q)
{
    if (!q)
        return;
    pq_clear(q);
    free(q->heap);
    free(q);
}
