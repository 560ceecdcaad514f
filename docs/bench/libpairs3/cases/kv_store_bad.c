#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Chained hash table mapping string keys to binary values, used as the
 * in-memory backend of a small key/value daemon.  Keys and values are
 * copied in; kv_get() returns pointers owned by the store.
 */

struct kv_entry {
    struct kv_entry *next;
    char *key;
    void *val;
    size_t vlen;
    uint64_t version;
};

struct kv_store {
    struct kv_entry **buckets;
    size_t nbuckets;
    size_t count;
    size_t mem;
    uint64_t version;
};

static size_t kv_hash(const char *k, size_t nb)
{
    uint64_t h = 14695981039346656037ull;

    while (*k)
        h = (h ^ (unsigned char)*k++) * 1099511628211ull;
    return (size_t)(h % nb);
}

int kv_open(struct kv_store *s, size_t nbuckets)
{
    memset(s, 0, sizeof(*s));
    if (nbuckets == 0)
        nbuckets = 64;
    s->buckets = calloc(nbuckets, sizeof(*s->buckets));
    if (!s->buckets)
        return -1;
    s->nbuckets = nbuckets;
    return 0;
}

static struct kv_entry **kv_slot(struct kv_store *s, const char *key)
{
    struct kv_entry **pp = &s->buckets[kv_hash(key, s->nbuckets)];

    while (*pp && strcmp((*pp)->key, key) != 0)
        pp = &(*pp)->next;
    return pp;
}

int kv_set(struct kv_store *s, const char *key, const void *val, size_t vlen)
{
    struct kv_entry **pp = kv_slot(s, key), *e = *pp;
    void *copy = malloc(vlen ? vlen : 1); // expect-warning: CWE-401

    if (!copy)
        return -1;
    memcpy(copy, val, vlen);
    if (!e) {
        e = calloc(1, sizeof(*e));
        if (!e || !(e->key = strdup(key))) {
            free(e);
            free(copy);
            return -1;
        }
        *pp = e;
        s->count++;
        s->mem += strlen(key) + 1;
    } else {
        s->mem -= e->vlen;
        free(e->val);
    }
    e->val = copy;
    e->vlen = vlen;
    e->version = ++s->version;
    s->mem += vlen;
    return 0;
}

const void *kv_get(struct kv_store *s, const char *key, size_t *vlen, uint64_t *version)
{
    struct kv_entry *e = *kv_slot(s, key);

    if (!e)
        return NULL;
    if (vlen)
        *vlen = e->vlen;
    if (version)
        *version = e->version;
    return e->val;
}

/* Removes key if its version matches (0 = any).  Returns 0, or -1. */
int kv_del(struct kv_store *s, const char *key, uint64_t if_version)
{
    struct kv_entry **pp = kv_slot(s, key), *e = *pp;

    if (!e || (if_version && e->version != if_version))
        return -1;
    *pp = e->next;
    s->count--;
    s->mem -= strlen(e->key) + 1 + e->vlen;
    free(e->key);
    free(e);
    return 0;
}

void kv_close(struct kv_store *s)
{
    size_t i;

    for (i = 0; i < s->nbuckets; i++) {
        while (s->buckets[i]) {
            struct kv_entry *e = s->buckets[i];
            s->buckets[i] = e->next;
            free(e->key);
            free(e->val);
            free(e);
        }
    }
    free(s->buckets);
    memset(s, 0, sizeof(*s));
}
