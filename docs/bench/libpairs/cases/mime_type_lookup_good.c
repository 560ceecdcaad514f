#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mime_entry {
    char *ext;
    char *type;
};

struct mime_table {
    struct mime_entry *e;
    size_t n;
};

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static void mime_free(struct mime_table *t)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        free(t->e[i].ext);
        free(t->e[i].type);
    }
    free(t->e);
    free(t);
}

/* Parses lines of the form "ext type". */
static struct mime_table *mime_load(const char *text)
{
    struct mime_table *t = calloc(1, sizeof *t);
    const char *line = text;

    if (t == NULL)
        return NULL;
    while (*line != '\0') {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        const char *sp = memchr(line, ' ', len);

        if (sp != NULL && sp > line && sp + 1 < line + len) {
            struct mime_entry *ne = realloc(t->e, (t->n + 1) * sizeof *ne);

            if (ne == NULL) {
                mime_free(t);
                return NULL;
            }
            t->e = ne;
            ne[t->n].ext = dup_n(line, (size_t)(sp - line));
            ne[t->n].type = dup_n(sp + 1, (size_t)(line + len - sp - 1));
            t->n++;
            if (ne[t->n - 1].ext == NULL || ne[t->n - 1].type == NULL) {
                mime_free(t);
                return NULL;
            }
        }
        line += len;
        if (*line == '\n')
            line++;
    }
    return t;
}

static const char *mime_lookup(const struct mime_table *t, const char *ext)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        if (strcmp(t->e[i].ext, ext) == 0)
            return t->e[i].type;
    return NULL;
}

char *content_type_for(const char *types_text, const char *filename)
{
    struct mime_table *t = mime_load(types_text);
    const char *dot = strrchr(filename, '.');
    const char *type = NULL;
    char *copy = NULL;

    if (t == NULL)
        return NULL;
    if (dot != NULL)
        type = mime_lookup(t, dot + 1);
    if (type != NULL)
        copy = dup_n(type, strlen(type));
    mime_free(t);
    return copy;
}

int print_content_type(FILE *out, const char *types_text, const char *filename)
{
    char *type = content_type_for(types_text, filename);

    fprintf(out, "Content-Type: %s\r\n", type ? type : "application/octet-stream");
    free(type);
    return 0;
}
