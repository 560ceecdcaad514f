/* JSON Pointer (RFC 6901) evaluation over a small in-memory document
 * tree. Pointers are given as (text, length) and need no terminator. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum jtype { J_NULL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jnode {
    enum jtype type;
    char *key;
    double num;
    char *str;
    struct jnode **items;
    size_t count, cap;
};

struct jnode *jnode_new(enum jtype type)
{
    struct jnode *n = calloc(1, sizeof(*n));

    if (n)
        n->type = type;
    return n;
}

void jnode_free(struct jnode *n)
{
    size_t i;

    if (!n)
        return;
    for (i = 0; i < n->count; i++)
        jnode_free(n->items[i]);
    free(n->items);
    free(n->key);
    free(n->str);
    free(n);
}

static char *copy_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}

/* Appends child to an array, or to an object under key. Takes ownership
 * of child even on failure. */
int jnode_add(struct jnode *parent, const char *key, struct jnode *child)
{
    struct jnode **v;

    if (!child)
        return -1;
    if (parent->type != J_ARRAY && parent->type != J_OBJECT)
        goto fail;
    if (parent->type == J_OBJECT && (!key || !(child->key = copy_str(key))))
        goto fail;
    if (parent->count == parent->cap) {
        size_t nc = parent->cap ? parent->cap * 2 : 4;
        v = realloc(parent->items, nc * sizeof(*v));
        if (!v)
            goto fail;
        parent->items = v;
        parent->cap = nc;
    }
    parent->items[parent->count++] = child;
    return 0;
fail:
    jnode_free(child);
    return -1;
}

/* Unescapes the reference token starting at ptr[*pos] (just after a '/')
 * into tok; leaves *pos at the next '/' or at len. */
static int next_token(const char *ptr, size_t len, size_t *pos, char *tok, size_t cap, size_t *tlen)
{
    size_t i = *pos, o = 0;
    char c;

    while (i < len && ptr[i] != '/') {
        c = ptr[i];
        if (c == '~') {
            c = ptr[i + 1]; // expect-warning: CWE-126
            if (c == '0')
                c = '~';
            else if (c == '1')
                c = '/';
            else
                return -1;
            i++;
        }
        if (o + 1 >= cap)
            return -1;
        tok[o++] = c;
        i++;
    }
    tok[o] = '\0';
    *tlen = o;
    *pos = i;
    return 0;
}

static int array_index(const char *tok, size_t n, size_t *idx)
{
    size_t v = 0, i;

    if (n == 0 || (n > 1 && tok[0] == '0') || n > 9)
        return -1;
    for (i = 0; i < n; i++) {
        if (tok[i] < '0' || tok[i] > '9')
            return -1;
        v = v * 10 + (size_t)(tok[i] - '0');
    }
    *idx = v;
    return 0;
}

static struct jnode *child_by_key(const struct jnode *obj, const char *tok, size_t n)
{
    size_t i;

    for (i = 0; i < obj->count; i++)
        if (strlen(obj->items[i]->key) == n && memcmp(obj->items[i]->key, tok, n) == 0)
            return obj->items[i];
    return NULL;
}

/* Resolves the pointer against root; NULL when it does not exist. */
struct jnode *jptr_eval(struct jnode *root, const char *ptr, size_t len)
{
    char tok[256];
    size_t pos = 0, n, idx;
    struct jnode *cur = root;

    if (len == 0)
        return root;
    if (ptr[0] != '/')
        return NULL;
    while (cur && pos < len) {
        pos++;
        if (next_token(ptr, len, &pos, tok, sizeof(tok), &n) < 0)
            return NULL;
        if (cur->type == J_OBJECT) {
            cur = child_by_key(cur, tok, n);
        } else if (cur->type == J_ARRAY) {
            if (array_index(tok, n, &idx) < 0 || idx >= cur->count)
                return NULL;
            cur = cur->items[idx];
        } else {
            return NULL;
        }
    }
    return cur;
}
