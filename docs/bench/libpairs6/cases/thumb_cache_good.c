/* Thumbnail cache: decoded preview images keyed by path, kept in LRU
 * order under a byte budget. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define THUMB_KEY_MAX 64

struct thumb {
    struct thumb *prev, *next;
    char key[THUMB_KEY_MAX];
    unsigned width, height;
    size_t len;
    uint8_t *data;
};

struct thumb_cache {
    struct thumb *head, *tail;
    size_t used, budget;
    size_t count;
    size_t evictions;
};

struct thumb_cache *thumb_cache_new(size_t budget)
{
    struct thumb_cache *c = calloc(1, sizeof(*c));

    if (c)
        c->budget = budget;
    return c;
}

static void list_unlink(struct thumb_cache *c, struct thumb *t)
{
    if (t->prev)
        t->prev->next = t->next;
    else
        c->head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    else
        c->tail = t->prev;
    t->prev = t->next = NULL;
}

static void list_push_front(struct thumb_cache *c, struct thumb *t)
{
    t->prev = NULL;
    t->next = c->head;
    if (c->head)
        c->head->prev = t;
    c->head = t;
    if (!c->tail)
        c->tail = t;
}

static void drop(struct thumb_cache *c, struct thumb *t)
{
    list_unlink(c, t);
    c->used -= t->len;
    c->count--;
    free(t->data);
    free(t);
}

static struct thumb *find(struct thumb_cache *c, const char *key)
{
    struct thumb *t;

    for (t = c->head; t; t = t->next)
        if (strcmp(t->key, key) == 0)
            return t;
    return NULL;
}

/* Returns the cached thumbnail (owned by the cache) and marks it most
 * recently used. */
const struct thumb *thumb_get(struct thumb_cache *c, const char *key)
{
    struct thumb *t = find(c, key);

    if (t && t != c->head) {
        list_unlink(c, t);
        list_push_front(c, t);
    }
    return t;
}

/* Stores a copy of data under key, evicting least recently used entries
 * until it fits the budget. */
int thumb_put(struct thumb_cache *c, const char *key, unsigned w, unsigned h,
              const uint8_t *data, size_t len)
{
    struct thumb *t, *old;

    if (strlen(key) >= THUMB_KEY_MAX || len == 0 || len > c->budget)
        return -1;
    t = calloc(1, sizeof(*t));
    if (!t)
        return -1;
    t->data = malloc(len);
    if (!t->data) {
        free(t);
        return -1;
    }
    strcpy(t->key, key);
    t->width = w;
    t->height = h;
    t->len = len;
    memcpy(t->data, data, len);
    if ((old = find(c, key)) != NULL)
        drop(c, old);
    while (c->tail && c->used + len > c->budget) {
        drop(c, c->tail);
        c->evictions++;
    }
    list_push_front(c, t);
    c->used += len;
    c->count++;
    return 0;
}

/* Makes dst a copy of the thumbnail cached under src. */
int thumb_copy(struct thumb_cache *c, const char *src, const char *dst)
{
    const struct thumb *s = thumb_get(c, src);

    if (!s)
        return -1;
    return thumb_put(c, dst, s->width, s->height, s->data, s->len);
}

void thumb_remove(struct thumb_cache *c, const char *key)
{
    struct thumb *t = find(c, key);

    if (t)
        drop(c, t);
}

size_t thumb_cache_used(const struct thumb_cache *c)
{
    return c->used;
}

void thumb_cache_free(struct thumb_cache *c)
{
    if (!c)
        return;
    while (c->head)
        drop(c, c->head);
    free(c);
}
