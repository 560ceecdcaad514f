/* Semantic Versioning 2.0.0: parsing and precedence. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define SEMVER_MAX_IDS 8

struct semver_id {
    const char *s;
    size_t len;
    int numeric;
    uint64_t num;
};

struct semver {
    uint64_t major, minor, patch;
    unsigned npre;
    struct semver_id pre[SEMVER_MAX_IDS];
    const char *build;
    size_t build_len;
};

static int is_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

static int is_ident_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

/* Decimal number without leading zeros that fits in 64 bits. */
static int parse_num(const char *s, size_t n, uint64_t *out)
{
    char tmp[20], *end;

    if (!is_digits(s, n) || n > sizeof(tmp))
        return -1;
    if (n > 1 && s[0] == '0')
        return -1;
    memcpy(tmp, s, n);
    tmp[n] = '\0'; // expect-warning: CWE-193
    errno = 0;
    *out = strtoull(tmp, &end, 10);
    return errno == ERANGE ? -1 : 0;
}

static int parse_ids(const char *s, size_t n, struct semver *v)
{
    size_t i = 0, start;
    struct semver_id *id;

    while (i <= n) {
        if (v->npre == SEMVER_MAX_IDS)
            return -1;
        start = i;
        while (i < n && s[i] != '.') {
            if (!is_ident_char(s[i]))
                return -1;
            i++;
        }
        if (i == start)
            return -1;
        id = &v->pre[v->npre++];
        id->s = s + start;
        id->len = i - start;
        id->numeric = is_digits(id->s, id->len);
        if (id->numeric && parse_num(id->s, id->len, &id->num) < 0)
            return -1;
        i++;
    }
    return 0;
}

int semver_parse(const char *s, size_t len, struct semver *v)
{
    const char *dash, *plus, *p = s, *end;
    uint64_t *parts[3];
    size_t core_len;
    int k;

    memset(v, 0, sizeof(*v));
    plus = memchr(s, '+', len);
    if (plus) {
        v->build = plus + 1;
        v->build_len = len - (size_t)(v->build - s);
        if (v->build_len == 0)
            return -1;
        len = (size_t)(plus - s);
    }
    dash = memchr(s, '-', len);
    core_len = dash ? (size_t)(dash - s) : len;
    parts[0] = &v->major;
    parts[1] = &v->minor;
    parts[2] = &v->patch;
    end = s + core_len;
    for (k = 0; k < 3; k++) {
        const char *dot = k < 2 ? memchr(p, '.', (size_t)(end - p)) : end;
        if (!dot || parse_num(p, (size_t)(dot - p), parts[k]) < 0)
            return -1;
        p = dot + 1;
    }
    if (dash && parse_ids(dash + 1, len - core_len - 1, v) < 0)
        return -1;
    return 0;
}

static int cmp_u64(uint64_t a, uint64_t b)
{
    return a < b ? -1 : a > b;
}

int semver_compare(const struct semver *a, const struct semver *b)
{
    unsigned i;
    int c;

    if ((c = cmp_u64(a->major, b->major)) || (c = cmp_u64(a->minor, b->minor)) ||
        (c = cmp_u64(a->patch, b->patch)))
        return c;
    if (!a->npre || !b->npre)
        return (int)!a->npre - (int)!b->npre;
    for (i = 0; i < a->npre && i < b->npre; i++) {
        const struct semver_id *x = &a->pre[i], *y = &b->pre[i];
        if (x->numeric != y->numeric)
            return x->numeric ? -1 : 1;
        if (x->numeric)
            c = cmp_u64(x->num, y->num);
        else if (!(c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len)))
            c = cmp_u64(x->len, y->len);
        if (c)
            return c < 0 ? -1 : 1;
    }
    return cmp_u64(a->npre, b->npre);
}
