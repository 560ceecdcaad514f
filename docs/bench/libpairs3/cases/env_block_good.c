#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * Environment block builder for spawning child processes.  Entries are
 * "NAME=value" strings kept in a NULL-terminated vector suitable for
 * execve().  Names are unique; setting an existing name replaces it.
 */

struct env_block {
    char **vars;    /* count entries followed by NULL */
    size_t count;
    size_t cap;
};

static long env_find(const struct env_block *e, const char *name, size_t nlen)
{
    size_t i;

    for (i = 0; i < e->count; i++) {
        if (strncmp(e->vars[i], name, nlen) == 0 && e->vars[i][nlen] == '=')
            return (long)i;
    }
    return -1;
}

static int valid_name(const char *name, size_t nlen)
{
    size_t i;

    if (nlen == 0)
        return 0;
    for (i = 0; i < nlen; i++) {
        char c = name[i];
        if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (i > 0 && c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

int env_set(struct env_block *e, const char *name, const char *value)
{
    size_t nlen = strlen(name), vlen = strlen(value);
    char *entry;
    long idx;

    if (!valid_name(name, nlen))
        return -1;
    entry = malloc(nlen + vlen + 2);
    if (!entry)
        return -1;
    memcpy(entry, name, nlen);
    entry[nlen] = '=';
    memcpy(entry + nlen + 1, value, vlen + 1);

    idx = env_find(e, name, nlen);
    if (idx >= 0) {
        free(e->vars[idx]);
        e->vars[idx] = entry;
        return 0;
    }
    if (e->count + 2 > e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        char **v = realloc(e->vars, cap * sizeof(*v));
        if (!v) {
            free(entry);
            return -1;
        }
        e->vars = v;
        e->cap = cap;
    }
    e->vars[e->count++] = entry;
    e->vars[e->count] = NULL;
    return 0;
}

int env_unset(struct env_block *e, const char *name)
{
    size_t nlen = strlen(name);
    long idx = env_find(e, name, nlen);

    if (idx < 0)
        return -1;
    free(e->vars[idx]);
    memmove(&e->vars[idx], &e->vars[idx + 1], (e->count - (size_t)idx - 1) * sizeof(char *));
    e->vars[--e->count] = NULL;
    return 0;
}

const char *env_get(const struct env_block *e, const char *name)
{
    size_t nlen = strlen(name);
    long idx = env_find(e, name, nlen);

    return idx < 0 ? NULL : e->vars[idx] + nlen + 1;
}

/* Copies selected variables from a parent environment (e.g. environ). */
size_t env_inherit(struct env_block *e, char *const *parent, const char *const *keep)
{
    size_t n = 0, k;

    for (; parent && *parent; parent++) {
        const char *eq = strchr(*parent, '=');
        for (k = 0; eq && keep[k]; k++) {
            if (strlen(keep[k]) == (size_t)(eq - *parent) &&
                strncmp(*parent, keep[k], (size_t)(eq - *parent)) == 0) {
                char name[128];
                size_t nl = (size_t)(eq - *parent);
                if (nl >= sizeof(name))
                    break;
                memcpy(name, *parent, nl);
                name[nl] = '\0';
                n += env_set(e, name, eq + 1) == 0;
                break;
            }
        }
    }
    return n;
}

void env_free(struct env_block *e)
{
    size_t i;

    for (i = 0; i < e->count; i++)
        free(e->vars[i]);
    free(e->vars);
    memset(e, 0, sizeof(*e));
}
