/* .env file loader: KEY=value lines, optional "export" prefix, comments,
 * single-quoted (literal) and double-quoted (escaped) values. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct env_var {
    char *key;
    char *value;
};

struct env_file {
    struct env_var *vars;
    size_t count, cap;
    unsigned line_no;
};

static int valid_key(const char *k)
{
    if (!isalpha((unsigned char)*k) && *k != '_')
        return 0;
    for (k++; *k; k++)
        if (!isalnum((unsigned char)*k) && *k != '_')
            return 0;
    return 1;
}

static char *rstrip(char *s)
{
    size_t n = strlen(s);

    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Unquotes v in place; bare values end at an unquoted " #". */
static int unquote(char *v)
{
    char q = *v, *o = v, *i;

    if (q != '"' && q != '\'') {
        char *hash = strstr(v, " #");
        if (hash)
            *hash = '\0';
        rstrip(v);
        return 0;
    }
    for (i = v + 1; *i && *i != q; i++) {
        if (q == '"' && *i == '\\' && i[1]) {
            i++;
            *o++ = *i == 'n' ? '\n' : *i == 't' ? '\t' : *i;
        } else {
            *o++ = *i;
        }
    }
    if (*i != q)
        return -1;
    *o = '\0';
    return 0;
}

static int set_var(struct env_file *f, const char *key, const char *value)
{
    size_t i, kl = strlen(key) + 1, vl = strlen(value) + 1;
    char *v;

    for (i = 0; i < f->count; i++)
        if (strcmp(f->vars[i].key, key) == 0)
            break;
    if (i == f->count) {
        if (f->count == f->cap) {
            size_t nc = f->cap ? f->cap * 2 : 8;
            struct env_var *nv = realloc(f->vars, nc * sizeof(*nv));
            if (!nv)
                return -1;
            f->vars = nv;
            f->cap = nc;
        }
        if (!(f->vars[i].key = malloc(kl)))
            return -1;
        memcpy(f->vars[i].key, key, kl);
        f->vars[i].value = NULL;
        f->count++;
    }
    if (!(v = malloc(vl)))
        return -1;
    memcpy(v, value, vl);
    free(f->vars[i].value);
    f->vars[i].value = v;
    return 0;
}

static int parse_line(struct env_file *f, char *p)
{
    char *eq;

    while (isspace((unsigned char)*p))
        p++;
    if (*p == '\0' || *p == '#')
        return 0;
    if (strncmp(p, "export", 6) == 0 && isspace((unsigned char)p[6])) {
        for (p += 6; isspace((unsigned char)*p);)
            p++;
        eq = strchr(p, '=');
        if (!eq)
            return -1;
    } else {
        eq = strchr(p, '=');
        if (!eq)
            return -1;
    }
    *eq = '\0';
    rstrip(p);
    if (!valid_key(p))
        return -1;
    if (unquote(++eq) < 0)
        return -1;
    return set_var(f, p, eq);
}

void env_file_free(struct env_file *f)
{
    size_t i;

    if (!f)
        return;
    for (i = 0; i < f->count; i++) {
        free(f->vars[i].key);
        free(f->vars[i].value);
    }
    free(f->vars);
    free(f);
}

struct env_file *env_file_parse(const char *text, size_t len, unsigned *err_line)
{
    struct env_file *f = calloc(1, sizeof(*f));
    char *buf = malloc(len + 1), *line, *nl;

    if (!f || !buf)
        goto fail;
    memcpy(buf, text, len);
    buf[len] = '\0';
    for (line = buf; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl)
            *nl++ = '\0';
        f->line_no++;
        if (parse_line(f, line) < 0) {
            if (err_line)
                *err_line = f->line_no;
            goto fail;
        }
    }
    free(buf);
    return f;
fail:
    free(buf);
    env_file_free(f);
    return NULL;
}

const char *env_file_get(const struct env_file *f, const char *key)
{
    size_t i;

    for (i = 0; i < f->count; i++)
        if (strcmp(f->vars[i].key, key) == 0)
            return f->vars[i].value;
    return NULL;
}
