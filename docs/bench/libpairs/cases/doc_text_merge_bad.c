#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum node_kind { NODE_TEXT, NODE_ELEM };

struct node {
    enum node_kind kind;
    char *text;
    size_t len;
    struct node *next;
};

struct doc {
    struct node *head;
    struct node *tail;
};

static void node_free(struct node *n)
{
    free(n->text);
    free(n);
}

int doc_add(struct doc *d, enum node_kind kind, const char *s, size_t n)
{
    struct node *nd = malloc(sizeof *nd);

    if (nd == NULL)
        return -1;
    nd->text = malloc(n + 1);
    if (nd->text == NULL) {
        free(nd);
        return -1;
    }
    memcpy(nd->text, s, n);
    nd->text[n] = '\0';
    nd->len = n;
    nd->kind = kind;
    nd->next = NULL;
    if (d->tail != NULL)
        d->tail->next = nd;
    else
        d->head = nd;
    d->tail = nd;
    return 0;
}

/* Appends b's text to a, unlinks b and frees it. */
static int node_merge(struct doc *d, struct node *a, struct node *b)
{
    char *t = realloc(a->text, a->len + b->len + 1);

    if (t == NULL)
        return -1;
    memcpy(t + a->len, b->text, b->len);
    a->text = t;
    a->len += b->len;
    t[a->len] = '\0';
    a->next = b->next;
    if (d->tail == b)
        d->tail = a;
    node_free(b);
    return 0;
}

/* Coalesces adjacent text nodes; *moved receives the number of bytes moved. */
int doc_normalize(struct doc *d, size_t *moved)
{
    struct node *n = d->head;

    *moved = 0;
    while (n != NULL) {
        struct node *nx = n->next;

        if (nx != NULL && n->kind == NODE_TEXT && nx->kind == NODE_TEXT) {
            if (node_merge(d, n, nx) < 0)
                return -1;
            *moved += nx->len;  // expect-warning: CWE-416
            continue;
        }
        n = nx;
    }
    return 0;
}

void doc_free(struct doc *d)
{
    struct node *n = d->head, *next;

    while (n != NULL) {
        next = n->next;
        node_free(n);
        n = next;
    }
    d->head = d->tail = NULL;
}
