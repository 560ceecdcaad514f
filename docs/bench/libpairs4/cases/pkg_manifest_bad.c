/* Parser for package manifests of a small package manager:
 *   name: libfoo
 *   version: 1.2.3
 *   depends: libbar, libbaz
 * Stanzas are separated by blank lines, '#' starts a comment line. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define PKG_MAX_DEPS 32

struct pkg {
    struct pkg *next;
    char *name, *version;
    char *deps[PKG_MAX_DEPS];
    size_t ndeps;
};

struct manifest {
    struct pkg *head, *tail;
    size_t count;
    int error_line;
};

static void pkg_free(struct pkg *p)
{
    size_t i;

    for (i = 0; i < p->ndeps; i++)
        free(p->deps[i]);
    free(p->name);
    free(p->version);
    free(p);
}

void manifest_clear(struct manifest *m)
{
    struct pkg *p, *next;

    for (p = m->head; p; p = next) {
        next = p->next; // expect-warning: CWE-416
        pkg_free(p);
    }
    m->head = m->tail = NULL;
    m->count = 0;
}

static char *dup_trim(const char *s, size_t n)
{
    char *r;

    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    r = malloc(n + 1);
    if (r) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

static int valid_version(const char *v)
{
    int digits = 0;

    for (; *v; v++) {
        if (isdigit((unsigned char)*v))
            digits++;
        else if (*v != '.' || digits == 0)
            return 0;
        else
            digits = 0;
    }
    return digits > 0;
}

int manifest_parse(struct manifest *m, const char *text, size_t len)
{
    const char *p = text, *end = text + len, *nl, *colon, *c;
    struct pkg *cur = NULL;
    int line = 0;

    memset(m, 0, sizeof(*m));
    for (; p < end; p = nl + 1) {
        size_t klen;

        nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        line++;
        if (nl == p || *p == '#') {
            if (nl == p)
                cur = NULL;
            continue;
        }
        colon = memchr(p, ':', (size_t)(nl - p));
        if (!colon)
            goto fail;
        klen = (size_t)(colon - p);
        if (klen == 4 && memcmp(p, "name", 4) == 0) {
            if (!(cur = calloc(1, sizeof(*cur))))
                goto fail;
            if (m->tail)
                m->tail->next = cur;
            else
                m->head = cur;
            m->tail = cur;
            m->count++;
            if (!(cur->name = dup_trim(colon + 1, (size_t)(nl - colon - 1))) || !*cur->name)
                goto fail;
        } else if (klen == 7 && memcmp(p, "version", 7) == 0 && cur && !cur->version) {
            cur->version = dup_trim(colon + 1, (size_t)(nl - colon - 1));
            if (!cur->version || !valid_version(cur->version)) {
                pkg_free(cur);
                goto fail;
            }
        } else if (klen == 7 && memcmp(p, "depends", 7) == 0 && cur) {
            for (c = colon + 1; c < nl; c++) {
                const char *e = memchr(c, ',', (size_t)(nl - c));

                if (!e)
                    e = nl;
                if (cur->ndeps == PKG_MAX_DEPS || !(cur->deps[cur->ndeps] = dup_trim(c, (size_t)(e - c))))
                    goto fail;
                cur->ndeps++;
                c = e;
            }
        } else {
            goto fail;
        }
    }
    return 0;
fail:
    m->error_line = line;
    manifest_clear(m);
    return -1;
}

const struct pkg *manifest_find(const struct manifest *m, const char *name)
{
    const struct pkg *p;

    for (p = m->head; p; p = p->next)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}
