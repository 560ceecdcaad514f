#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct header_field {
    char *name;
    char *value;
};

struct header_list {
    struct header_field *f;
    size_t n;
    size_t cap;
};

/* Adds a header; names are stored lower-cased. */
int headers_add(struct header_list *h, const char *name, const char *value)
{
    char *name_copy, *value_copy, *p;

    if (h->n == h->cap) {
        size_t ncap = h->cap ? h->cap * 2 : 8;
        struct header_field *nf = realloc(h->f, ncap * sizeof *nf);

        if (nf == NULL)
            return -1;
        h->f = nf;
        h->cap = ncap;
    }
    name_copy = strdup(name);
    for (p = name_copy; *p != '\0'; p++)  // expect-warning: CWE-690
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    value_copy = strdup(value);
    if (value_copy == NULL) {
        free(name_copy);
        return -1;
    }
    h->f[h->n].name = name_copy;
    h->f[h->n].value = value_copy;
    h->n++;
    return 0;
}

static int name_eq(const char *stored, const char *name)
{
    for (; *stored != '\0' && *name != '\0'; stored++, name++) {
        char c = *name;

        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (*stored != c)
            return 0;
    }
    return *stored == *name;
}

const char *headers_get(const struct header_list *h, const char *name)
{
    size_t i;

    for (i = 0; i < h->n; i++)
        if (name_eq(h->f[i].name, name))
            return h->f[i].value;
    return NULL;
}

void headers_free(struct header_list *h)
{
    size_t i;

    for (i = 0; i < h->n; i++) {
        free(h->f[i].name);
        free(h->f[i].value);
    }
    free(h->f);
    h->f = NULL;
    h->n = h->cap = 0;
}
