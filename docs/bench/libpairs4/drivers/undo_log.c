/* Driver: typing "Hello world", then inserting at two other places; the
 * fifth history entry makes the entry array grow. */
#include <stdio.h>
#include CASE

static void type(struct undo_log *u, size_t pos, const char *s)
{
    for (; *s; s++, pos++)
        undo_record(u, UNDO_INSERT, pos, s, 1);
}

int main(void)
{
    struct undo_log u;
    const struct undo_op *op;

    undo_init(&u, 100);
    type(&u, 0, "Hello world");
    undo_record(&u, UNDO_DELETE, 0, "H", 1);
    undo_record(&u, UNDO_INSERT, 0, "J", 1);
    printf("depth=%zu\n", undo_depth(&u));
    while ((op = undo_undo(&u)) != NULL)
        printf("undo %s at %zu: %.*s\n", op->kind == UNDO_INSERT ? "insert" : "delete", op->pos,
               (int)op->len, op->text);
    undo_free(&u);
    return 0;
}
