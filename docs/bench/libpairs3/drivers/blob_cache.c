#include CASE
#include <stdio.h>
int main(void)
{
    struct blob_cache c = {0};
    blob_cache_store(&c, "user:1", "alice", 5);
    printf("rc=%d\n", blob_cache_store(&c, "user:1", "alice2", 6));
    printf("entries=%zu bytes=%zu\n", c.entries, c.bytes);
    blob_cache_clear(&c);
    return 0;
}
