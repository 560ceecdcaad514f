/* Tiny text template expander for notification e-mails:
 *   {{name}}        value of variable `name` (error if undefined)
 *   {{name|dflt}}   value, or the literal default if undefined
 *   {{{{            a literal "{{" */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define TPL_MAX_NAME 48

struct tpl_var {
    const char *name, *value;
};

struct tpl_error {
    size_t offset;
    const char *reason;
};

static const char *lookup(const struct tpl_var *vars, size_t nvars, const char *name, size_t n)
{
    size_t i;

    for (i = 0; i < nvars; i++)
        if (strlen(vars[i].name) == n && memcmp(vars[i].name, name, n) == 0)
            return vars[i].value;
    return NULL;
}

static int emit(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t nc = *cap * 2;
        char *nb;

        while (nc < *len + n + 1)
            nc *= 2;
        nb = realloc(*out, nc);
        if (!nb)
            return -1;
        *out = nb;
        *cap = nc;
    }
    memcpy(*out + *len, s, n);
    *len += n;
    (*out)[*len] = '\0';
    return 0;
}

/* Returns the expanded text (caller frees) or NULL with *err filled in. */
char *tpl_render(const char *tpl, const struct tpl_var *vars, size_t nvars, struct tpl_error *err)
{
    size_t len = 0, cap = strlen(tpl) + 64;
    const char *p = tpl, *open, *close, *bar, *val;
    char *out = malloc(cap); // expect-warning: CWE-401

    if (!out) {
        err->offset = 0;
        err->reason = "out of memory";
        return NULL;
    }
    out[0] = '\0';
    while ((open = strstr(p, "{{")) != NULL) {
        if (emit(&out, &len, &cap, p, (size_t)(open - p)) < 0)
            goto nomem;
        if (strncmp(open, "{{{{", 4) == 0) {
            if (emit(&out, &len, &cap, "{{", 2) < 0)
                goto nomem;
            p = open + 4;
            continue;
        }
        close = strstr(open + 2, "}}");
        if (!close || close - open - 2 > TPL_MAX_NAME) {
            err->offset = (size_t)(open - tpl);
            err->reason = close ? "name too long" : "unterminated tag";
            free(out);
            return NULL;
        }
        bar = memchr(open + 2, '|', (size_t)(close - open - 2));
        val = lookup(vars, nvars, open + 2, (size_t)((bar ? bar : close) - open - 2));
        if (!val && bar) {
            if (emit(&out, &len, &cap, bar + 1, (size_t)(close - bar - 1)) < 0)
                goto nomem;
        } else if (!val) {
            err->offset = (size_t)(open - tpl);
            err->reason = "undefined variable";
            return NULL;
        } else if (emit(&out, &len, &cap, val, strlen(val)) < 0) {
            goto nomem;
        }
        p = close + 2;
    }
    if (emit(&out, &len, &cap, p, strlen(p)) < 0)
        goto nomem;
    return out;
nomem:
    free(out);
    err->offset = (size_t)(p - tpl);
    err->reason = "out of memory";
    return NULL;
}

/* Names of the variables a template refers to, written comma-separated
 * into buf.  Returns the number of references, or -1 if buf is too small. */
int tpl_references(const char *tpl, char *buf, size_t bufsz)
{
    const char *p = tpl, *open, *close, *bar;
    size_t o = 0, n;
    int count = 0;

    if (bufsz == 0)
        return -1;
    buf[0] = '\0';
    while ((open = strstr(p, "{{")) != NULL) {
        if (strncmp(open, "{{{{", 4) == 0) {
            p = open + 4;
            continue;
        }
        if (!(close = strstr(open + 2, "}}")))
            break;
        bar = memchr(open + 2, '|', (size_t)(close - open - 2));
        n = (size_t)((bar ? bar : close) - open - 2);
        if (o + n + 2 > bufsz)
            return -1;
        if (o)
            buf[o++] = ',';
        memcpy(buf + o, open + 2, n);
        o += n;
        buf[o] = '\0';
        count++;
        p = close + 2;
    }
    return count;
}
