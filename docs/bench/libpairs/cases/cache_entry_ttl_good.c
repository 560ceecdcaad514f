#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_BUCKETS 64

struct cache_entry {
    char key[48];
    uint8_t *val;
    size_t vlen;
    unsigned long expires;
    struct cache_entry *next;
};

struct cache {
    struct cache_entry *buckets[CACHE_BUCKETS];
};

static unsigned hash_key(const char *k)
{
    unsigned h = 2166136261u;

    while (*k != '\0')
        h = (h ^ (unsigned char)*k++) * 16777619u;
    return h % CACHE_BUCKETS;
}

int cache_set(struct cache *c, const char *key, const uint8_t *val, size_t vlen,
              unsigned long now, unsigned long ttl)
{
    struct cache_entry *e;
    size_t klen = strlen(key);
    unsigned h;

    if (klen >= sizeof e->key)
        return -1;
    e = malloc(sizeof *e);
    if (e == NULL)
        return -1;
    e->val = malloc(vlen ? vlen : 1);
    if (e->val == NULL) {
        free(e);
        return -1;
    }
    memcpy(e->key, key, klen + 1);
    if (vlen > 0)
        memcpy(e->val, val, vlen);
    e->vlen = vlen;
    e->expires = ttl > 0 ? now + ttl : 0;
    h = hash_key(key);
    e->next = c->buckets[h];
    c->buckets[h] = e;
    return 0;
}

const uint8_t *cache_get(const struct cache *c, const char *key,
                         unsigned long now, size_t *vlen)
{
    const struct cache_entry *e;

    for (e = c->buckets[hash_key(key)]; e != NULL; e = e->next) {
        if (strcmp(e->key, key) != 0)
            continue;
        if (e->expires != 0 && e->expires <= now)
            return NULL;
        *vlen = e->vlen;
        return e->val;
    }
    return NULL;
}

void cache_clear(struct cache *c)
{
    unsigned i;

    for (i = 0; i < CACHE_BUCKETS; i++) {
        struct cache_entry *e = c->buckets[i], *next;

        while (e != NULL) {
            next = e->next;
            free(e->val);
            free(e);
            e = next;
        }
        c->buckets[i] = NULL;
    }
}
