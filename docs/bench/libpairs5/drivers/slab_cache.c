#include CASE
#include <stdio.h>

int main(void)
{
    struct slab_cache c;
    char *name, *blob;

    sc_init(&c);
    name = sc_strndup(&c, "session", 7);
    blob = sc_alloc(&c, 250);            /* rounds to the largest size class */
    memset(blob, 0, 250);
    sc_free(&c, blob, 250);
    sc_free(&c, name, 8);
    printf("live %zu slabs %zu\n", c.live, c.nslabs);
    sc_destroy(&c);
    return 0;
}
