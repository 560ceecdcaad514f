#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * URL route table for an embedded HTTP server.  Patterns are matched in
 * insertion order; a trailing '*' matches any suffix.  Tables are cloned
 * when a virtual host inherits the default routes and then extends them.
 */

typedef int (*route_handler)(void *ctx, const char *path);

struct route {
    char *pattern;
    unsigned methods;      /* bit mask of allowed methods */
    route_handler handler;
    int priority;
};

struct route_table {
    struct route *routes;
    size_t count;
    size_t cap;
};

static int table_grow(struct route_table *t, size_t want)
{
    struct route *r;
    size_t cap = t->cap ? t->cap : 4;

    while (cap < want)
        cap *= 2;
    if (cap == t->cap)
        return 0;
    r = realloc(t->routes, cap * sizeof(*r));
    if (!r)
        return -1;
    t->routes = r;
    t->cap = cap;
    return 0;
}

int route_add(struct route_table *t, const char *pattern, unsigned methods,
              route_handler fn, int priority)
{
    struct route *r;

    if (!pattern || pattern[0] != '/' || !fn)
        return -1;
    if (table_grow(t, t->count + 1) < 0)
        return -1;
    r = &t->routes[t->count];
    r->pattern = strdup(pattern);
    if (!r->pattern)
        return -1;
    r->methods = methods;
    r->handler = fn;
    r->priority = priority;
    t->count++;
    return 0;
}

static int pattern_match(const char *pat, const char *path)
{
    size_t n = strlen(pat);

    if (n > 0 && pat[n - 1] == '*')
        return strncmp(pat, path, n - 1) == 0;
    return strcmp(pat, path) == 0;
}

/* Highest priority matching route wins; ties go to the earliest. */
const struct route *route_lookup(const struct route_table *t, const char *path, unsigned method)
{
    const struct route *best = NULL;
    size_t i;

    for (i = 0; i < t->count; i++) {
        const struct route *r = &t->routes[i];
        if (!(r->methods & method) || !pattern_match(r->pattern, path))
            continue;
        if (!best || r->priority > best->priority)
            best = r;
    }
    return best;
}

int route_table_clone(struct route_table *dst, const struct route_table *src)
{
    memset(dst, 0, sizeof(*dst));
    if (src->count == 0)
        return 0;
    if (table_grow(dst, src->count) < 0)
        return -1;
    memcpy(dst->routes, src->routes, src->count * sizeof(*src->routes));
    for (dst->count = 0; dst->count < src->count; dst->count++) {
        dst->routes[dst->count].pattern = strdup(src->routes[dst->count].pattern);
        if (!dst->routes[dst->count].pattern)
            return -1;
    }
    return 0;
}

int route_remove(struct route_table *t, const char *pattern)
{
    size_t i;

    for (i = 0; i < t->count; i++) {
        if (strcmp(t->routes[i].pattern, pattern) == 0) {
            free(t->routes[i].pattern);
            memmove(&t->routes[i], &t->routes[i + 1], (t->count - i - 1) * sizeof(*t->routes));
            t->count--;
            return 0;
        }
    }
    return -1;
}

void route_table_free(struct route_table *t)
{
    size_t i;

    for (i = 0; i < t->count; i++)
        free(t->routes[i].pattern);
    free(t->routes);
    memset(t, 0, sizeof(*t));
}
