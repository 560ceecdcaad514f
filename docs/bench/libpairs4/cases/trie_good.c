/* Character trie mapping strings to values, with longest-prefix lookup
 * (used for command and route prefix dispatch).  Children of a node are
 * kept in a singly linked sibling list. */
#include <stddef.h>
#include <stdlib.h>

#define TRIE_MAX_KEY 128

struct trie_node {
    struct trie_node *kids, *sib;
    void *value;
    int has_value;
    char c;
};

struct trie {
    struct trie_node root;
    size_t count;
};

void trie_init(struct trie *t)
{
    t->root.kids = t->root.sib = NULL;
    t->root.value = NULL;
    t->root.has_value = 0;
    t->root.c = 0;
    t->count = 0;
}

static struct trie_node *child(const struct trie_node *n, char c)
{
    struct trie_node *k;

    for (k = n->kids; k && k->c != c; k = k->sib)
        ;
    return k;
}

int trie_insert(struct trie *t, const char *key, void *value)
{
    struct trie_node *n = &t->root, *k;
    size_t i;

    for (i = 0; key[i]; i++) {
        if (i >= TRIE_MAX_KEY)
            return -1;
        k = child(n, key[i]);
        if (!k) {
            k = calloc(1, sizeof(*k));
            if (!k)
                return -1;
            k->c = key[i];
            k->sib = n->kids;
            n->kids = k;
        }
        n = k;
    }
    if (!n->has_value)
        t->count++;
    n->value = value;
    n->has_value = 1;
    return 0;
}

void *trie_get(const struct trie *t, const char *key)
{
    const struct trie_node *n = &t->root;

    for (; *key && n; key++)
        n = child(n, *key);
    return n && n->has_value ? n->value : NULL;
}

/* Value of the longest key that is a prefix of s; *matched gets its length. */
void *trie_longest_prefix(const struct trie *t, const char *s, size_t *matched)
{
    const struct trie_node *n = &t->root;
    void *best = n->has_value ? n->value : NULL;
    size_t i;

    *matched = 0;
    for (i = 0; s[i] && (n = child(n, s[i])) != NULL; i++)
        if (n->has_value) {
            best = n->value;
            *matched = i + 1;
        }
    return best;
}

/* Removes key, pruning nodes that no longer lead to any value.  Returns
 * the removed value, or NULL if key was not present. */
void *trie_remove(struct trie *t, const char *key)
{
    struct trie_node *path[TRIE_MAX_KEY + 1], *n = &t->root, *k, **pp;
    size_t depth = 0, i;
    void *v;

    for (i = 0; n && key[i]; i++) {
        if (i >= TRIE_MAX_KEY)
            return NULL;
        path[depth++] = n;
        for (k = n->kids; k && k->c != key[i]; k = k->sib)
            ;
        n = k;
    }
    if (!n || !n->has_value)
        return NULL;
    v = n->value;
    n->value = NULL;
    n->has_value = 0;
    t->count--;
    while (depth > 0 && !n->has_value && !n->kids) {
        struct trie_node *parent = path[--depth];

        for (pp = &parent->kids; *pp != n; pp = &(*pp)->sib)
            ;
        *pp = n->sib;
        free(n);
        n = parent;
    }
    return v;
}

static void free_nodes(struct trie_node *n)
{
    while (n) {
        struct trie_node *next = n->sib;

        free_nodes(n->kids);
        free(n);
        n = next;
    }
}

void trie_clear(struct trie *t)
{
    free_nodes(t->root.kids);
    trie_init(t);
}
