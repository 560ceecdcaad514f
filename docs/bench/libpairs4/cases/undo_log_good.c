/* Undo/redo history for a text editor.  Each entry records an insertion or
 * deletion (position and text).  Consecutive typing is merged into one
 * entry until a blank is typed, so that undo removes whole words. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum { UNDO_INSERT = 1, UNDO_DELETE = 2 };

struct undo_op {
    int kind;
    int sealed;          /* no further typing is merged into this entry */
    size_t pos, len;
    char *text;
};

struct undo_log {
    struct undo_op *ops;
    size_t n, cap;
    size_t cur;          /* ops[0..cur) can be undone, ops[cur..n) redone */
    size_t limit;
};

void undo_init(struct undo_log *u, size_t limit)
{
    memset(u, 0, sizeof(*u));
    u->limit = limit ? limit : 1000;
}

void undo_free(struct undo_log *u)
{
    size_t i;

    for (i = 0; i < u->n; i++)
        free(u->ops[i].text);
    free(u->ops);
    memset(u, 0, sizeof(*u));
}

static int has_blank(const char *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n')
            return 1;
    return 0;
}

/* Drops the redo entries and the oldest entry if the history is full, and
 * returns a fresh slot at the end. */
static struct undo_op *undo_slot(struct undo_log *u)
{
    while (u->n > u->cur)
        free(u->ops[--u->n].text);
    if (u->n == u->limit) {
        free(u->ops[0].text);
        memmove(u->ops, u->ops + 1, (u->n - 1) * sizeof(*u->ops));
        u->n--;
        u->cur--;
    }
    if (u->n == u->cap) {
        size_t nc = u->cap ? u->cap * 2 : 4;
        struct undo_op *no = realloc(u->ops, nc * sizeof(*no));

        if (!no)
            return NULL;
        u->ops = no;
        u->cap = nc;
    }
    u->cur = ++u->n;
    return &u->ops[u->n - 1];
}

int undo_record(struct undo_log *u, int kind, size_t pos, const char *text, size_t len)
{
    struct undo_op *last = u->cur ? &u->ops[u->cur - 1] : NULL, *op;
    char *t;

    if (len == 0)
        return 0;
    if (last && u->cur == u->n && !last->sealed && kind == UNDO_INSERT &&
        last->kind == UNDO_INSERT && last->pos + last->len == pos && !has_blank(text, len)) {
        t = realloc(last->text, last->len + len);
        if (!t)
            return -1;
        memcpy(t + last->len, text, len);
        last->text = t;
        last->len += len;
        return 0;
    }
    t = malloc(len);
    if (!t)
        return -1;
    memcpy(t, text, len);
    if (last)
        last->sealed = 1;
    op = undo_slot(u);
    if (!op) {
        free(t);
        return -1;
    }
    op->kind = kind;
    op->pos = pos;
    op->len = len;
    op->text = t;
    op->sealed = kind != UNDO_INSERT || has_blank(text, len);
    return 0;
}

/* The entry to revert (caller applies its inverse), or NULL. */
const struct undo_op *undo_undo(struct undo_log *u)
{
    if (u->cur == 0)
        return NULL;
    u->ops[u->cur - 1].sealed = 1;
    return &u->ops[--u->cur];
}

/* The entry to apply again, or NULL. */
const struct undo_op *undo_redo(struct undo_log *u)
{
    if (u->cur == u->n)
        return NULL;
    return &u->ops[u->cur++];
}

size_t undo_depth(const struct undo_log *u)
{
    return u->cur;
}
