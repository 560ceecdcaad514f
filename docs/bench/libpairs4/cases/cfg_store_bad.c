/* Typed configuration store: each key holds an opaque value plus the
 * destructor that releases it.  Values are released when replaced, unset,
 * or when the store is destroyed. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef void (*cfg_dtor)(void *);

struct cfg_entry {
    char *key;
    void *value;
    cfg_dtor dtor;
};

struct cfg {
    struct cfg_entry *v;
    size_t n, cap;
    unsigned generation;
};

struct cfg *cfg_new(void)
{
    return calloc(1, sizeof(struct cfg));
}

static struct cfg_entry *cfg_find(const struct cfg *c, const char *key)
{
    size_t i;

    for (i = 0; i < c->n; i++)
        if (strcmp(c->v[i].key, key) == 0)
            return &c->v[i];
    return NULL;
}

/* Stores value under key; on success the store owns value and will call
 * dtor (if any) when done with it. */
int cfg_set(struct cfg *c, const char *key, void *value, cfg_dtor dtor)
{
    struct cfg_entry *e = cfg_find(c, key);

    if (e) {
        if (e->dtor)
            e->dtor(e->value);
        e->value = value;
        e->dtor = dtor;
        c->generation++;
        return 0;
    }
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 8;
        struct cfg_entry *nv = realloc(c->v, nc * sizeof(*nv));

        if (!nv)
            return -1;
        c->v = nv;
        c->cap = nc;
    }
    e = &c->v[c->n];
    e->key = strdup(key);
    if (!e->key)
        return -1;
    e->value = value;
    e->dtor = dtor;
    c->n++;
    c->generation++;
    return 0;
}

void *cfg_get(const struct cfg *c, const char *key)
{
    const struct cfg_entry *e = cfg_find(c, key);

    return e ? e->value : NULL;
}

int cfg_set_str(struct cfg *c, const char *key, const char *s)
{
    char *copy = strdup(s);

    if (!copy)
        return -1;
    if (cfg_set(c, key, copy, free) < 0) {
        free(copy);
        return -1;
    }
    return 0;
}

const char *cfg_get_str(const struct cfg *c, const char *key, const char *dflt)
{
    const char *s = cfg_get(c, key);

    return s ? s : dflt;
}

/* Removes key without releasing its value, which is returned. */
void *cfg_take(struct cfg *c, const char *key)
{
    struct cfg_entry *e = cfg_find(c, key);
    void *v;

    if (!e)
        return NULL;
    v = e->value;
    free(e->key);
    *e = c->v[--c->n];
    c->generation++;
    return v;
}

int cfg_unset(struct cfg *c, const char *key)
{
    struct cfg_entry *e = cfg_find(c, key);
    cfg_dtor dtor;
    void *v;

    if (!e)
        return -1;
    dtor = e->dtor;
    v = cfg_take(c, key);
    if (dtor)
        dtor(v);
    return 0;
}

void cfg_free(struct cfg *c)
{
    size_t i;

    if (!c)
        return;
    for (i = 0; i < c->n; i++) {
        if (c->v[i].dtor)
            c->v[i].dtor(c->v[i].value); // expect-warning: CWE-415
        free(c->v[i].key);
    }
    free(c->v);
    free(c);
}
