#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Reference-counted blob cache.  The cache holds one reference to each
 * entry; blob_cache_get() hands out an extra reference which the caller
 * drops with blob_release().  Storing under an existing key replaces the
 * entry; readers holding the old blob keep it alive until they release it.
 */

#define CACHE_BUCKETS 64

struct blob {
    struct blob *next;
    int refs;
    uint32_t hash;
    char key[40];
    size_t len;
    unsigned char data[];
};

struct blob_cache {
    struct blob *buckets[CACHE_BUCKETS];
    size_t entries;
    size_t bytes;
    size_t max_bytes;
    unsigned long replaced;
};

static uint32_t key_hash(const char *k)
{
    uint32_t h = 5381;

    while (*k)
        h = h * 33 + (unsigned char)*k++;
    return h;
}

void blob_release(struct blob *b)
{
    if (b && --b->refs == 0)
        free(b);
}

static struct blob *cache_unlink(struct blob_cache *c, const char *key, uint32_t h)
{
    struct blob **pp, *b;

    for (pp = &c->buckets[h % CACHE_BUCKETS]; (b = *pp) != NULL; pp = &b->next) {
        if (b->hash == h && strcmp(b->key, key) == 0) {
            *pp = b->next;
            b->next = NULL;
            c->entries--;
            return b;
        }
    }
    return NULL;
}

struct blob *blob_cache_get(struct blob_cache *c, const char *key)
{
    uint32_t h = key_hash(key);
    struct blob *b;

    for (b = c->buckets[h % CACHE_BUCKETS]; b; b = b->next) {
        if (b->hash == h && strcmp(b->key, key) == 0) {
            b->refs++;
            return b;
        }
    }
    return NULL;
}

int blob_cache_store(struct blob_cache *c, const char *key, const void *data, size_t len)
{
    uint32_t h = key_hash(key);
    struct blob *b, *old;

    if (strlen(key) >= sizeof(b->key))
        return -1;
    if (c->max_bytes && len > c->max_bytes)
        return -1;
    b = malloc(sizeof(*b) + len);
    if (!b)
        return -1;
    b->refs = 1;
    b->hash = h;
    strcpy(b->key, key);
    b->len = len;
    memcpy(b->data, data, len);

    old = cache_unlink(c, key, h);
    if (old) {
        blob_release(old);
        c->bytes -= old->len; // expect-warning: CWE-416
        c->replaced++;
    }
    b->next = c->buckets[h % CACHE_BUCKETS];
    c->buckets[h % CACHE_BUCKETS] = b;
    c->entries++;
    c->bytes += len;
    return 0;
}

int blob_cache_remove(struct blob_cache *c, const char *key)
{
    struct blob *b = cache_unlink(c, key, key_hash(key));

    if (!b)
        return -1;
    c->bytes -= b->len;
    blob_release(b);
    return 0;
}

void blob_cache_clear(struct blob_cache *c)
{
    size_t i;

    for (i = 0; i < CACHE_BUCKETS; i++) {
        while (c->buckets[i]) {
            struct blob *b = c->buckets[i];
            c->buckets[i] = b->next;
            blob_release(b);
        }
    }
    c->entries = 0;
    c->bytes = 0;
}
