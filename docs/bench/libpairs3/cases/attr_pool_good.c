#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Attribute storage for a small DOM.  Every element keeps its attribute
 * names and values in one character pool; attributes refer to pool
 * offsets so that the pool can be grown with realloc().
 */

#define ELEM_MAX_ATTRS 16

struct attr {
    uint32_t name_off;
    uint32_t value_off;
    uint32_t hash;
    int is_ns_decl;
};

struct element {
    char *pool;
    size_t pool_len;
    size_t pool_cap;
    struct attr attrs[ELEM_MAX_ATTRS];
    size_t nattrs;
};

static int pool_reserve(struct element *el, size_t extra)
{
    size_t cap;
    char *p;

    if (el->pool_len + extra <= el->pool_cap)
        return 0;
    cap = el->pool_cap ? el->pool_cap : 32;
    while (cap < el->pool_len + extra)
        cap *= 2;
    if (cap > UINT32_MAX)
        return -1;
    p = realloc(el->pool, cap);
    if (!p)
        return -1;
    el->pool = p;
    el->pool_cap = cap;
    return 0;
}

/* Appends a NUL-terminated copy of s[0..n) and returns a pointer to it. */
static const char *pool_add(struct element *el, const char *s, size_t n)
{
    char *dst;

    if (pool_reserve(el, n + 1) < 0)
        return NULL;
    dst = el->pool + el->pool_len;
    memcpy(dst, s, n);
    dst[n] = '\0';
    el->pool_len += n + 1;
    return dst;
}

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

const char *element_get_attr(const struct element *el, const char *name)
{
    uint32_t h = name_hash(name);
    size_t i;

    for (i = 0; i < el->nattrs; i++) {
        const struct attr *a = &el->attrs[i];
        if (a->hash == h && strcmp(el->pool + a->name_off, name) == 0)
            return el->pool + a->value_off;
    }
    return NULL;
}

/* Adds name="value". Duplicate names are rejected as in XML. */
int element_set_attr(struct element *el, const char *name, const char *value)
{
    size_t nlen = strlen(name), vlen = strlen(value);
    const char *n, *v;
    struct attr *a;

    if (nlen == 0 || el->nattrs == ELEM_MAX_ATTRS || element_get_attr(el, name))
        return -1;
    if (pool_reserve(el, nlen + vlen + 2) < 0)
        return -1;
    n = pool_add(el, name, nlen);
    if (!n)
        return -1;
    v = pool_add(el, value, vlen);
    if (!v)
        return -1;

    a = &el->attrs[el->nattrs];
    a->is_ns_decl = nlen >= 5 && memcmp(n, "xmlns", 5) == 0;
    a->name_off = (uint32_t)(n - el->pool);
    a->value_off = (uint32_t)(v - el->pool);
    a->hash = name_hash(name);
    el->nattrs++;
    return 0;
}

size_t element_ns_decls(const struct element *el)
{
    size_t i, n = 0;

    for (i = 0; i < el->nattrs; i++)
        n += el->attrs[i].is_ns_decl != 0;
    return n;
}

void element_clear(struct element *el)
{
    free(el->pool);
    memset(el, 0, sizeof(*el));
}
