/* Size-class slab allocator for small objects.  Requests above
 * SLAB_OBJ_MAX bytes are passed to malloc().  Callers give the object
 * size back on release, as with sized deallocation. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLAB_ALIGN 16
#define SLAB_OBJ_MAX 256
#define SLAB_CLASSES (SLAB_OBJ_MAX / SLAB_ALIGN)
#define SLAB_BYTES 4096

struct slab {
    struct slab *next;
    size_t used;
    unsigned char mem[SLAB_BYTES];
};

struct free_obj {
    struct free_obj *next;
};

struct slab_cache {
    struct slab *slabs;
    struct free_obj *free[SLAB_CLASSES];
    size_t live;
    size_t large;
    size_t nslabs;
};

static size_t round_up(size_t n)
{
    return (n + SLAB_ALIGN - 1) & ~(size_t)(SLAB_ALIGN - 1);
}

void sc_init(struct slab_cache *c)
{
    memset(c, 0, sizeof(*c));
}

void *sc_alloc(struct slab_cache *c, size_t size)
{
    struct slab *s;
    size_t sz, cls;
    void *p;

    if (size == 0 || size > SIZE_MAX - SLAB_ALIGN)
        return NULL;
    sz = round_up(size);
    if (sz > SLAB_OBJ_MAX) {
        if ((p = malloc(sz)) != NULL)
            c->large++;
        return p;
    }
    cls = sz / SLAB_ALIGN - 1;
    if (c->free[cls]) {
        p = c->free[cls];
        c->free[cls] = c->free[cls]->next;
        c->live++;
        return p;
    }
    s = c->slabs;
    if (!s || SLAB_BYTES - s->used < sz) {
        if (!(s = malloc(sizeof(*s))))
            return NULL;
        s->next = c->slabs;
        s->used = 0;
        c->slabs = s;
        c->nslabs++;
    }
    p = s->mem + s->used;
    s->used += sz;
    c->live++;
    return p;
}

void sc_free(struct slab_cache *c, void *p, size_t size)
{
    struct free_obj *f = p;
    size_t sz;

    if (!p)
        return;
    sz = round_up(size);
    if (sz > SLAB_OBJ_MAX) {
        free(p);
        c->large--;
        return;
    }
    f->next = c->free[sz / SLAB_ALIGN - 1];
    c->free[sz / SLAB_ALIGN - 1] = f;
    c->live--;
}

void *sc_realloc(struct slab_cache *c, void *p, size_t old_size, size_t new_size)
{
    void *q;

    if (!p)
        return sc_alloc(c, new_size);
    if (round_up(old_size) == round_up(new_size))
        return p;
    if (!(q = sc_alloc(c, new_size)))
        return NULL;
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    sc_free(c, p, old_size);
    return q;
}

char *sc_strndup(struct slab_cache *c, const char *s, size_t n)
{
    char *r = sc_alloc(c, n + 1);

    if (r) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

/* Releases all slabs.  Large objects still allocated are not tracked and
 * must have been released by their owners. */
void sc_destroy(struct slab_cache *c)
{
    struct slab *s = c->slabs, *next;

    for (; s; s = next) {
        next = s->next;
        free(s);
    }
    memset(c, 0, sizeof(*c));
}
