#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Page cache with LRU replacement, keyed by 64-bit page number.  Most
 * recently used pages are kept at the head of a doubly linked list; when
 * the byte budget is exceeded pages are evicted from the tail and handed
 * to the write-back callback.
 */

#define LRU_HASH 128

typedef void (*lru_writeback_fn)(void *arg, uint64_t pageno, const void *data, size_t len);

struct lru_page {
    struct lru_page *prev, *next;   /* LRU order */
    struct lru_page *hnext;         /* hash chain */
    uint64_t pageno;
    int dirty;
    size_t len;
    unsigned char data[];
};

struct page_lru {
    struct lru_page *head, *tail;
    struct lru_page *hash[LRU_HASH];
    size_t bytes;
    size_t max_bytes;
    size_t count;
    lru_writeback_fn writeback;
    void *wb_arg;
};

static void hash_remove(struct page_lru *l, struct lru_page *p)
{
    struct lru_page **pp = &l->hash[p->pageno % LRU_HASH];

    while (*pp && *pp != p)
        pp = &(*pp)->hnext;
    if (*pp)
        *pp = p->hnext;
}

static void list_unlink(struct page_lru *l, struct lru_page *p)
{
    if (p->prev)
        p->prev->next = p->next;
    else
        l->head = p->next;
    if (p->next)
        p->next->prev = p->prev;
    else
        l->tail = p->prev;
    p->prev = p->next = NULL;
}

static void list_push_front(struct page_lru *l, struct lru_page *p)
{
    p->prev = NULL;
    p->next = l->head;
    if (l->head)
        l->head->prev = p;
    else
        l->tail = p;
    l->head = p;
}

static void lru_evict_tail(struct page_lru *l)
{
    struct lru_page *victim = l->tail;

    hash_remove(l, victim);
    if (victim->dirty && l->writeback)
        l->writeback(l->wb_arg, victim->pageno, victim->data, victim->len);
    l->bytes -= victim->len;
    l->count--;
    l->tail = victim->prev;
    if (l->tail)
        l->tail->next = NULL;
    else
        l->head = NULL;
    free(victim);
}

struct lru_page *lru_lookup(struct page_lru *l, uint64_t pageno)
{
    struct lru_page *p;

    for (p = l->hash[pageno % LRU_HASH]; p; p = p->hnext) {
        if (p->pageno == pageno) {
            list_unlink(l, p);
            list_push_front(l, p);
            return p;
        }
    }
    return NULL;
}

/* Inserts or replaces a page.  Returns 0 or -1. */
int lru_put(struct page_lru *l, uint64_t pageno, const void *data, size_t len, int dirty)
{
    struct lru_page *p = lru_lookup(l, pageno);

    if (len > l->max_bytes)
        return -1;
    if (p) {
        list_unlink(l, p);
        hash_remove(l, p);
        l->bytes -= p->len;
        l->count--;
        dirty |= p->dirty;
        free(p);
    }
    while (l->tail && l->bytes + len > l->max_bytes)
        lru_evict_tail(l);

    p = malloc(sizeof(*p) + len);
    if (!p)
        return -1;
    p->pageno = pageno;
    p->dirty = dirty;
    p->len = len;
    memcpy(p->data, data, len);
    p->hnext = l->hash[pageno % LRU_HASH];
    l->hash[pageno % LRU_HASH] = p;
    list_push_front(l, p);
    l->bytes += len;
    l->count++;
    return 0;
}

void lru_destroy(struct page_lru *l)
{
    while (l->tail)
        lru_evict_tail(l);
}
