#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define CONF_MAX 32

struct conf_item {
    char *key;
    char *value;
};

struct conf {
    struct conf_item items[CONF_MAX];
    size_t n;
};

static char *trim(char *s)
{
    char *e;

    while (isspace((unsigned char)*s))
        s++;
    e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

int conf_parse_line(struct conf *c, char *line)
{
    char *hash, *eq, *key, *val;

    hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    key = trim(line);
    if (*key == '\0')
        return 0;
    eq = strchr(key, '=');
    if (!eq)
        return -1;
    *eq = '\0';
    val = trim(eq + 1);
    key = trim(key);
    if (*key == '\0' || c->n == CONF_MAX)
        return -1;
    c->items[c->n].key = strdup(key);
    c->items[c->n].value = strdup(val);
    if (!c->items[c->n].key || !c->items[c->n].value) {
        free(c->items[c->n].key);
        free(c->items[c->n].value);
        return -1;
    }
    c->n++;
    return 0;
}

const char *conf_get(const struct conf *c, const char *key)
{
    size_t i;

    for (i = c->n; i > 0; i--)
        if (strcmp(c->items[i - 1].key, key) == 0)
            return c->items[i - 1].value;
    return NULL;
}

void conf_clear(struct conf *c)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        free(c->items[i].key);
        free(c->items[i].value);
    }
    c->n = 0;
}
