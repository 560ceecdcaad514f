#include CASE
#include <stdio.h>
int main(void)
{
    struct page_lru l = {0};
    char page[64] = "data";
    l.max_bytes = 128;
    lru_put(&l, 1, page, sizeof(page), 0);
    lru_put(&l, 2, page, sizeof(page), 0);
    printf("rc=%d\n", lru_put(&l, 3, page, sizeof(page), 0));
    printf("count=%zu\n", l.count);
    lru_destroy(&l);
    return 0;
}
