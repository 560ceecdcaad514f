#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct sym {
    char name[32];
    int value;
    unsigned refs;
};

struct symtab {
    struct sym *items;
    size_t count;
    size_t cap;
};

static struct sym *symtab_find(struct symtab *t, const char *name)
{
    size_t i;

    for (i = 0; i < t->count; i++)
        if (strcmp(t->items[i].name, name) == 0)
            return &t->items[i];
    return NULL;
}

static struct sym *symtab_add(struct symtab *t, const char *name, int value)
{
    struct sym *s;
    size_t len = strlen(name);

    if (len >= sizeof s->name)
        return NULL;
    if (t->count == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 8;
        struct sym *p = realloc(t->items, ncap * sizeof *p);

        if (p == NULL)
            return NULL;
        t->items = p;
        t->cap = ncap;
    }
    s = &t->items[t->count++];
    memcpy(s->name, name, len + 1);
    s->value = value;
    s->refs = 0;
    return s;
}

int symtab_define(struct symtab *t, const char *name, int value)
{
    struct sym *s = symtab_find(t, name);

    if (s == NULL)
        return symtab_add(t, name, value) ? 0 : -1;
    s->value = value;
    return 0;
}

/* Makes `user` an alias of `target`, defining `user` if needed. */
int symtab_link(struct symtab *t, const char *user, const char *target)
{
    struct sym *tgt = symtab_find(t, target);
    struct sym *u;

    if (tgt == NULL)
        return -1;
    u = symtab_find(t, user);
    if (u == NULL) {
        u = symtab_add(t, user, 0);
        if (u == NULL)
            return -1;
        tgt = symtab_find(t, target);
    }
    tgt->refs++;
    u->value = tgt->value;
    return 0;
}

void symtab_free(struct symtab *t)
{
    free(t->items);
    t->items = NULL;
    t->count = t->cap = 0;
}
