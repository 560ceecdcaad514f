/* libFuzzer harness for json_pointer: a fixed document, the input is the
 * pointer text (exact length, no terminator). */
#include CASE
#include "common.h"

static struct jnode *doc;

static struct jnode *build(void)
{
    struct jnode *root = jnode_new(J_OBJECT), *list = jnode_new(J_ARRAY), *o = jnode_new(J_OBJECT);
    int i;

    jnode_add(root, "a~", jnode_new(J_NUMBER));
    jnode_add(root, "b/c", jnode_new(J_STRING));
    jnode_add(root, "", jnode_new(J_NULL));
    for (i = 0; i < 12; i++)
        jnode_add(list, NULL, jnode_new(J_NUMBER));
    jnode_add(o, "x", jnode_new(J_NUMBER));
    jnode_add(list, NULL, o);
    jnode_add(root, "list", list);
    return root;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (!doc)
        doc = build();
    jptr_eval(doc, (const char *)d, n);
    return 0;
}
