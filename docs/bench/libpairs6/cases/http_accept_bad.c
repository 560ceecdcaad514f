/* HTTP Accept header (RFC 9110 content negotiation): media ranges with
 * q-values and extension parameters, and selection among offered types. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define ACCEPT_MAX_RANGES 32

struct media_range {
    char *type;
    char *subtype;
    char *params;
    int q;
};

struct accept_list {
    struct media_range r[ACCEPT_MAX_RANGES];
    size_t count;
};

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);

    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in 1/1000 */
static int parse_qvalue(const char *s, const char **end)
{
    int q, scale = 100, digits = 0;

    if (*s != '0' && *s != '1')
        return -1;
    q = (*s++ - '0') * 1000;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9' && digits < 3; s++, digits++, scale /= 10)
            q += (*s - '0') * scale;
    }
    *end = s;
    return q > 1000 ? -1 : q;
}

static int parse_range(struct media_range *r, const char *s, size_t n)
{
    const char *semi = memchr(s, ';', n), *end;
    size_t tlen = semi ? (size_t)(semi - s) : n;
    char *slash, *buf, *p;

    while (tlen && (s[tlen - 1] == ' ' || s[tlen - 1] == '\t'))
        tlen--;
    r->q = 1000;
    if (!(r->type = dup_range(s, tlen)))
        return -1;
    slash = strchr(r->type, '/');
    if (!slash || slash == r->type || slash[1] == '\0')
        return -1;
    *slash = '\0';
    r->subtype = slash + 1;
    if (!semi)
        return 0;
    buf = dup_range(semi + 1, n - (size_t)(semi - s) - 1);
    if (!buf)
        return -1;
    p = buf;
    while (*p == ' ' || *p == '\t')
        p++;
    if (p[0] == 'q' && p[1] == '=') {
        r->q = parse_qvalue(p + 2, &end);
        if (r->q < 0) {
            free(buf);
            return -1;
        }
        p = (char *)end;
        while (*p == ';' || *p == ' ' || *p == '\t')
            p++;
    }
    r->params = p;
    return 0;
}

void accept_free(struct accept_list *l)
{
    size_t i;

    if (!l)
        return;
    for (i = 0; i < l->count; i++) {
        free(l->r[i].type);
        free(l->r[i].params); // expect-warning: CWE-761
    }
    free(l);
}

struct accept_list *accept_parse(const char *hdr, size_t len)
{
    struct accept_list *l = calloc(1, sizeof(*l));
    size_t pos = 0, n;
    const char *comma;

    if (!l)
        return NULL;
    while (pos < len) {
        while (pos < len && (hdr[pos] == ' ' || hdr[pos] == '\t' || hdr[pos] == ','))
            pos++;
        if (pos >= len)
            break;
        comma = memchr(hdr + pos, ',', len - pos);
        n = comma ? (size_t)(comma - (hdr + pos)) : len - pos;
        if (l->count >= ACCEPT_MAX_RANGES ||
            parse_range(&l->r[l->count++], hdr + pos, n) < 0) {
            accept_free(l);
            return NULL;
        }
        pos += n;
    }
    return l;
}

static int range_matches(const struct media_range *r, const char *type, size_t tlen, const char *sub)
{
    if (strcmp(r->type, "*") == 0)
        return 1;
    if (strlen(r->type) != tlen || strncmp(r->type, type, tlen) != 0)
        return 0;
    return strcmp(r->subtype, "*") == 0 || strcmp(r->subtype, sub) == 0;
}

/* Index of the offered "type/subtype" with the highest q, -1 if none is
 * acceptable. */
int accept_best(const struct accept_list *l, const char *const *offers, size_t n)
{
    int best = -1, best_q = 0;
    size_t i, j;

    for (i = 0; i < n; i++) {
        const char *slash = strchr(offers[i], '/');

        if (!slash)
            continue;
        for (j = 0; j < l->count; j++) {
            if (range_matches(&l->r[j], offers[i], (size_t)(slash - offers[i]), slash + 1) &&
                l->r[j].q > best_q) {
                best = (int)i;
                best_q = l->r[j].q;
            }
        }
    }
    return best;
}
