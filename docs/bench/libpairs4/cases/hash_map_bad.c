/* String-keyed hash map (chaining, FNV-1a, rehash at load 3/4).  Keys are
 * copied; values are owned by the map and released with free_value. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct hm_entry {
    struct hm_entry *next;
    uint32_t hash;
    char *key;
    void *value;
};

struct hash_map {
    struct hm_entry **buckets;
    size_t nbuckets, count;
    void (*free_value)(void *);
};

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

struct hash_map *hm_new(void (*free_value)(void *))
{
    struct hash_map *m = calloc(1, sizeof(*m));

    if (m && !(m->buckets = calloc(8, sizeof(*m->buckets)))) {
        free(m);
        return NULL;
    }
    if (m) {
        m->nbuckets = 8;
        m->free_value = free_value;
    }
    return m;
}

static struct hm_entry **hm_slot(const struct hash_map *m, const char *key, uint32_t h)
{
    struct hm_entry **pp = &m->buckets[h & (m->nbuckets - 1)];

    while (*pp && ((*pp)->hash != h || strcmp((*pp)->key, key) != 0))
        pp = &(*pp)->next;
    return pp;
}

static int hm_rehash(struct hash_map *m)
{
    size_t n = m->nbuckets * 2, i;
    struct hm_entry **nb = calloc(n, sizeof(*nb)), *e, *next;

    if (!nb)
        return -1;
    for (i = 0; i < m->nbuckets; i++)
        for (e = m->buckets[i]; e; e = next) {
            next = e->next;
            e->next = nb[e->hash & (n - 1)];
            nb[e->hash & (n - 1)] = e;
        }
    free(m->buckets);
    m->buckets = nb;
    m->nbuckets = n;
    return 0;
}

void *hm_get(const struct hash_map *m, const char *key)
{
    struct hm_entry *e = *hm_slot(m, key, fnv1a(key));
    return e ? e->value : NULL;
}

/* Inserts or replaces; the map takes ownership of value. */
int hm_put(struct hash_map *m, const char *key, void *value)
{
    uint32_t h = fnv1a(key);
    struct hm_entry **pp = hm_slot(m, key, h), *e;

    if (*pp) {
        if (m->free_value && (*pp)->value != value)
            m->free_value((*pp)->value);
        (*pp)->value = value;
        return 0;
    }
    if ((m->count + 1) * 4 > m->nbuckets * 3) {
        if (hm_rehash(m) < 0)
            return -1;
        pp = hm_slot(m, key, h);
    }
    e = malloc(sizeof(*e));
    if (!e || !(e->key = strdup(key))) {
        free(e);
        return -1;
    }
    e->hash = h;
    e->value = value;
    *pp = e;
    e->next = NULL;
    m->count++;
    return 0;
}

/* Removes key and hands its value back to the caller. */
void *hm_take(struct hash_map *m, const char *key)
{
    struct hm_entry **pp = hm_slot(m, key, fnv1a(key)), *e = *pp;
    void *v = e ? e->value : NULL;

    if (!e)
        return NULL;
    *pp = e->next;
    free(e->key);
    free(e);
    m->count--;
    return v;
}

/* Moves the value stored under `from` to `to`; fails if `to` exists. */
int hm_rename(struct hash_map *m, const char *from, const char *to)
{
    struct hm_entry *e = *hm_slot(m, from, fnv1a(from));

    if (!e || *hm_slot(m, to, fnv1a(to)))
        return -1;
    hm_take(m, from);
    return hm_put(m, to, e->value); // expect-warning: CWE-416
}

void hm_free(struct hash_map *m)
{
    size_t i;
    struct hm_entry *e, *next;

    for (i = 0; m && i < m->nbuckets; i++)
        for (e = m->buckets[i]; e; e = next) {
            next = e->next;
            if (m->free_value)
                m->free_value(e->value);
            free(e->key);
            free(e);
        }
    if (m)
        free(m->buckets);
    free(m);
}
