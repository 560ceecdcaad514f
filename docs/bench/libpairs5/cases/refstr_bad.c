/* Immutable reference-counted strings.  Every function that returns a
 * string returns a new reference that the caller releases. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct rstr {
    unsigned refs;
    size_t len;
    char data[];
};

struct rstr *rstr_new(const char *s, size_t n)
{
    struct rstr *r = malloc(sizeof(*r) + n + 1);

    if (!r)
        return NULL;
    r->refs = 1;
    r->len = n;
    memcpy(r->data, s, n);
    r->data[n] = '\0';
    return r;
}

struct rstr *rstr_retain(struct rstr *r)
{
    if (r)
        r->refs++;
    return r;
}

void rstr_release(struct rstr *r)
{
    if (r && --r->refs == 0)
        free(r);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct rstr *rstr_trim(struct rstr *r)
{
    size_t a = 0, b = r->len;

    while (a < b && is_blank(r->data[a]))
        a++;
    while (b > a && is_blank(r->data[b - 1]))
        b--;
    if (a == 0 && b == r->len)
        return rstr_retain(r);
    return rstr_new(r->data + a, b - a);
}

/* Splits at sep into at most max parts (the last part keeps the rest). */
size_t rstr_split(struct rstr *r, char sep, struct rstr **parts, size_t max)
{
    const char *p = r->data, *end = r->data + r->len, *q;
    size_t n = 0;

    if (max == 0)
        return 0;
    if (!memchr(r->data, sep, r->len)) {
        parts[0] = r;
        return 1;
    }
    while (n + 1 < max && (q = memchr(p, sep, (size_t)(end - p))) != NULL) {
        if (!(parts[n] = rstr_new(p, (size_t)(q - p))))
            goto fail;
        n++;
        p = q + 1;
    }
    if (!(parts[n] = rstr_new(p, (size_t)(end - p))))
        goto fail;
    return n + 1;
fail:
    while (n)
        rstr_release(parts[--n]);
    return 0;
}

struct rstr *rstr_join(struct rstr *const *parts, size_t n, char sep)
{
    size_t total = 0, i, o = 0;
    struct rstr *r;

    if (n == 1)
        return rstr_retain(parts[0]);
    for (i = 0; i < n; i++)
        total += parts[i]->len + (i > 0); // expect-warning: CWE-416
    if (!(r = malloc(sizeof(*r) + total + 1)))
        return NULL;
    for (i = 0; i < n; i++) {
        if (i)
            r->data[o++] = sep;
        memcpy(r->data + o, parts[i]->data, parts[i]->len);
        o += parts[i]->len;
    }
    r->data[o] = '\0';
    r->refs = 1;
    r->len = total;
    return r;
}

int rstr_equal(const struct rstr *a, const struct rstr *b)
{
    return a == b || (a->len == b->len && memcmp(a->data, b->data, a->len) == 0);
}

void rstr_release_all(struct rstr **parts, size_t n)
{
    while (n)
        rstr_release(parts[--n]);
}
