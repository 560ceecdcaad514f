#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

struct wc_entry {
    char *key;
    unsigned long count;
    struct wc_entry *next;
};

struct counter {
    struct wc_entry **buckets;
    size_t nbuckets;
    size_t nentries;
};

static size_t hash_str(const char *s)
{
    size_t h = 5381;

    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

int counter_init(struct counter *c)
{
    c->nbuckets = 8;
    c->nentries = 0;
    c->buckets = calloc(c->nbuckets, sizeof(*c->buckets));
    return c->buckets ? 0 : -1;
}

static int grow(struct counter *c)
{
    size_t nb = c->nbuckets * 2, i;
    struct wc_entry **nt = calloc(nb, sizeof(*nt));

    if (!nt)
        return -1;
    for (i = 0; i < c->nbuckets; i++) {
        struct wc_entry *e = c->buckets[i], *next;
        for (; e; e = next) {
            size_t b = hash_str(e->key) % nb;
            next = e->next;
            e->next = nt[b];
            nt[b] = e;
        }
    }
    free(c->buckets);
    c->buckets = nt;
    c->nbuckets = nb;
    return 0;
}

int counter_incr(struct counter *c, const char *key)
{
    size_t h = hash_str(key);
    struct wc_entry **slot = &c->buckets[h % c->nbuckets];
    struct wc_entry *e;

    for (e = *slot; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            e->count++;
            return 0;
        }
    }
    if (c->nentries + 1 > c->nbuckets * 3 / 4 && grow(c) < 0)
        return -1;
    e = malloc(sizeof(*e));
    if (!e)
        return -1;
    e->key = strdup(key);
    if (!e->key) {
        free(e);
        return -1;
    }
    e->count = 1;
    e->next = *slot; // expect-warning: CWE-416
    *slot = e;
    c->nentries++;
    return 0;
}

unsigned long counter_get(const struct counter *c, const char *key)
{
    const struct wc_entry *e = c->buckets[hash_str(key) % c->nbuckets];

    for (; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e->count;
    return 0;
}

void counter_free(struct counter *c)
{
    size_t i;

    for (i = 0; i < c->nbuckets; i++) {
        struct wc_entry *e = c->buckets[i], *next;
        for (; e; e = next) {
            next = e->next;
            free(e->key);
            free(e);
        }
    }
    free(c->buckets);
    c->buckets = NULL;
    c->nbuckets = c->nentries = 0;
}
