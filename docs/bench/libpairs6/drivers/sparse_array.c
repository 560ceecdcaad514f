/* Drives sparse_array: an index past the initial capacity is set, then the
 * array is summed. */
#include CASE
#include <stdio.h>

int main(void)
{
    struct sparse_array *a = sa_new(0.0);

    sa_set(a, 3, 1.5);
    sa_set(a, 40, 2.5);
    printf("sum %g count %zu\n", sa_sum(a), sa_count(a));
    sa_free(a);
    return 0;
}
