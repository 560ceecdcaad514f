/* XML start-tag reader: element name, attributes with quoted values and
 * the default namespace declaration (xmlns="..."). */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct xml_attr {
    char *name;
    char *value;
};

struct xml_tag {
    char *name;
    struct xml_attr *attrs;
    size_t nattrs, cap;
    const char *default_ns;
    int self_closing;
};

static int is_name_char(int c)
{
    return isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);

    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static struct xml_attr *add_attr(struct xml_tag *t)
{
    struct xml_attr *v;

    if (t->nattrs == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 2;
        v = realloc(t->attrs, nc * sizeof(*v));
        if (!v)
            return NULL;
        t->attrs = v;
        t->cap = nc;
    }
    v = &t->attrs[t->nattrs++];
    v->name = v->value = NULL;
    return v;
}

void xml_tag_free(struct xml_tag *t)
{
    size_t i;

    if (!t)
        return;
    for (i = 0; i < t->nattrs; i++) {
        free(t->attrs[i].name);
        free(t->attrs[i].value);
    }
    free(t->attrs);
    free(t->name);
    free(t);
}

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && isspace((unsigned char)*p))
        p++;
    return p;
}

/* Parses "<name attr='v' ...>" or ".../>" at s; *used receives the bytes
 * consumed. Entity references in values are kept as written. */
struct xml_tag *xml_parse_start_tag(const char *s, size_t len, size_t *used)
{
    const char *p = s, *end = s + len, *q;
    struct xml_tag *t;
    struct xml_attr *a, *ns = NULL;
    char quote;

    if (len < 3 || *p != '<')
        return NULL;
    t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    for (q = ++p; p < end && is_name_char((unsigned char)*p); p++)
        ;
    if (p == q || !(t->name = dup_range(q, (size_t)(p - q))))
        goto fail;
    for (;;) {
        p = skip_ws(p, end);
        if (p >= end)
            goto fail;
        if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
            break;
        for (q = p; p < end && is_name_char((unsigned char)*p); p++)
            ;
        if (p == q || p >= end || *p != '=' || p + 1 >= end)
            goto fail;
        if (!(a = add_attr(t)) || !(a->name = dup_range(q, (size_t)(p - q))))
            goto fail;
        quote = *++p;
        if (quote != '"' && quote != '\'')
            goto fail;
        q = ++p;
        while (p < end && *p != quote && *p != '<')
            p++;
        if (p >= end || *p != quote || !(a->value = dup_range(q, (size_t)(p - q))))
            goto fail;
        p++;
        if (strcmp(a->name, "xmlns") == 0)
            ns = a;
    }
    if (ns)
        t->default_ns = ns->value; // expect-warning: CWE-416
    t->self_closing = *p == '/';
    *used = (size_t)(p - s) + (t->self_closing ? 2 : 1);
    return t;
fail:
    xml_tag_free(t);
    return NULL;
}

const char *xml_tag_attr(const struct xml_tag *t, const char *name)
{
    size_t i;

    for (i = 0; i < t->nattrs; i++)
        if (strcmp(t->attrs[i].name, name) == 0)
            return t->attrs[i].value;
    return NULL;
}

size_t xml_tag_attr_count(const struct xml_tag *t)
{
    return t->nattrs;
}
