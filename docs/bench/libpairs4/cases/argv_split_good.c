/* Splits a command line into words like a POSIX shell does for simple
 * commands: blanks separate words, '...' keeps everything literally,
 * "..." allows \" \\ \$ \` escapes, a backslash outside quotes escapes the
 * next character, and '#' at the start of a word begins a comment. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct argv {
    char **v;          /* NULL-terminated */
    size_t n, cap;
};

static int argv_push(struct argv *a, char *s)
{
    if (a->n + 1 >= a->cap) {
        size_t nc = a->cap ? a->cap * 2 : 8;
        char **nv = realloc(a->v, nc * sizeof(*nv));

        if (!nv)
            return -1;
        a->v = nv;
        a->cap = nc;
    }
    a->v[a->n++] = s;
    a->v[a->n] = NULL;
    return 0;
}

void argv_free(struct argv *a)
{
    size_t i;

    for (i = 0; i < a->n; i++)
        free(a->v[i]);
    free(a->v);
    memset(a, 0, sizeof(*a));
}

/* Returns 0 and fills a (caller frees with argv_free), or -1 on an
 * unterminated quote, too many words, or allocation failure. */
int argv_split(const char *line, struct argv *a, size_t max_args)
{
    size_t len = strlen(line), o;
    const char *p = line;
    char *tok;

    memset(a, 0, sizeof(*a));
    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        if (*p == '\0' || *p == '#')
            break;
        tok = malloc(len + 1);
        if (!tok)
            goto fail;
        o = 0;
        while (*p && !isspace((unsigned char)*p)) {
            if (*p == '\'') {
                for (p++; *p && *p != '\''; )
                    tok[o++] = *p++;
                if (!*p++)
                    goto unterminated;
            } else if (*p == '"') {
                for (p++; *p && *p != '"'; ) {
                    if (*p == '\\' && p[1] && strchr("\"\\$`", p[1]))
                        p++;
                    tok[o++] = *p++;
                }
                if (!*p++)
                    goto unterminated;
            } else if (*p == '\\') {
                if (!*++p)
                    goto unterminated;
                tok[o++] = *p++;
            } else {
                tok[o++] = *p++;
            }
        }
        tok[o] = '\0';
        if (argv_push(a, tok) < 0) {
            free(tok);
            goto fail;
        }
        if (a->n > max_args)
            goto fail;
    }
    return 0;
unterminated:
    free(tok);
fail:
    argv_free(a);
    return -1;
}

/* Writes the words back as one line, quoting where needed.  Returns the
 * length, or -1 if out is too small. */
long argv_join(const struct argv *a, char *out, size_t outsz)
{
    size_t i, o = 0;
    const char *s;

    for (i = 0; i < a->n; i++) {
        int quote = a->v[i][0] == '\0' || strpbrk(a->v[i], " \t\n'\"\\$#") != NULL;

        if (outsz - o < 4)
            return -1;
        if (i)
            out[o++] = ' ';
        if (quote)
            out[o++] = '\'';
        for (s = a->v[i]; *s; s++) {
            if (outsz - o < 7)
                return -1;
            if (*s == '\'') {
                memcpy(out + o, "'\\''", 4);
                o += 4;
            } else {
                out[o++] = *s;
            }
        }
        if (quote)
            out[o++] = '\'';
    }
    if (o >= outsz)
        return -1;
    out[o] = '\0';
    return (long)o;
}
