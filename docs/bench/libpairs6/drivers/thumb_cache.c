/* Drives thumb_cache: a 60-byte thumbnail copied under a new key in a cache
 * with a 100-byte budget. */
#include CASE
#include <stdio.h>

int main(void)
{
    struct thumb_cache *c = thumb_cache_new(100);
    uint8_t px[60];
    int rc;

    memset(px, 0x7f, sizeof(px));
    thumb_put(c, "photos/a.jpg", 5, 4, px, sizeof(px));
    rc = thumb_copy(c, "photos/a.jpg", "photos/b.jpg");
    printf("copy %d used %zu\n", rc, thumb_cache_used(c));
    thumb_cache_free(c);
    return 0;
}
