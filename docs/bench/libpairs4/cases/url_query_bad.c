/* application/x-www-form-urlencoded query strings: parsing into decoded
 * key/value pairs ('+' is a space, %XX escapes) and re-encoding. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct query_param {
    char *key, *value;
};

struct query {
    struct query_param *v;
    size_t n, cap;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes s[0..n) into dst (room for n + 1 bytes); -1 on a malformed escape. */
static long pct_decode(char *dst, const char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        if (s[i] == '+') {
            dst[o++] = ' ';
        } else if (s[i] == '%') {
            int hi, lo;

            if (n - i < 3 || (hi = hexval((unsigned char)s[i + 1])) < 0 ||
                (lo = hexval((unsigned char)s[i + 2])) < 0)
                return -1;
            dst[o++] = (char)(hi << 4 | lo);
            i += 2;
        } else {
            dst[o++] = s[i];
        }
    }
    dst[o] = '\0';
    return (long)o;
}

void query_free(struct query *q)
{
    size_t i;

    for (i = 0; i < q->n; i++) {
        free(q->v[i].key);
        free(q->v[i].value);
    }
    free(q->v);
    q->v = NULL;
    q->n = q->cap = 0;
}

static int query_add(struct query *q, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    size_t klen = eq ? (size_t)(eq - s) : n, vlen = eq ? n - klen - 1 : 0;
    char *key, *val;

    if (q->n == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 8;
        struct query_param *nv = realloc(q->v, nc * sizeof(*nv));

        if (!nv)
            return -1;
        q->v = nv;
        q->cap = nc;
    }
    key = malloc(klen + 1); // expect-warning: CWE-401
    val = malloc(vlen + 1);
    if (!key || !val) {
        free(key);
        free(val);
        return -1;
    }
    if (pct_decode(key, s, klen) < 0 || pct_decode(val, eq ? eq + 1 : "", vlen) < 0) {
        free(val);
        return -1;
    }
    q->v[q->n].key = key;
    q->v[q->n].value = val;
    q->n++;
    return 0;
}

/* Parses "a=1&b=x+y&flag"; empty segments are skipped.  On error the
 * pairs parsed so far are kept and -1 is returned. */
int query_parse(struct query *q, const char *s)
{
    const char *amp;

    for (;;) {
        size_t n;

        amp = strchr(s, '&');
        n = amp ? (size_t)(amp - s) : strlen(s);
        if (n && query_add(q, s, n) < 0)
            return -1;
        if (!amp)
            return 0;
        s = amp + 1;
    }
}

const char *query_get(const struct query *q, const char *key)
{
    size_t i;

    for (i = 0; i < q->n; i++)
        if (strcmp(q->v[i].key, key) == 0)
            return q->v[i].value;
    return NULL;
}

/* Encodes s for use in a query (unreserved characters kept, space as '+').
 * Returns the encoded length, or -1 if out is too small. */
long query_escape(const char *s, char *out, size_t outsz)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (outsz - o < 4)
            return -1;
        if (isalnum(c) || strchr("-._~", c))
            out[o++] = (char)c;
        else if (c == ' ')
            out[o++] = '+';
        else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    if (o >= outsz)
        return -1;
    out[o] = '\0';
    return (long)o;
}
