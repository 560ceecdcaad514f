#include CASE
#include <stdio.h>
int main(void)
{
    struct tag_set *t = tag_set_new("cpu.load");
    tag_set_add(t, 42);
    tag_set_add(t, 7);
    printf("has=%d n=%zu\n", tag_set_has(t, 7), t->n);
    tag_set_free(t);
    return 0;
}
