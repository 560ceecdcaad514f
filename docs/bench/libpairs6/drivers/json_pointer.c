/* Drives json_pointer: the 3-byte pointer "/a~" (not NUL-terminated). */
#include CASE
#include <stdio.h>

int main(void)
{
    struct jnode *root = jnode_new(J_OBJECT), *arr = jnode_new(J_ARRAY), *hit;
    char *ptr = malloc(3);

    jnode_add(root, "a~", jnode_new(J_NUMBER));
    jnode_add(arr, NULL, jnode_new(J_STRING));
    jnode_add(root, "list", arr);
    memcpy(ptr, "/a~", 3);
    hit = jptr_eval(root, ptr, 3);
    printf("found: %s\n", hit ? "yes" : "no");
    free(ptr);
    jnode_free(root);
    return 0;
}
