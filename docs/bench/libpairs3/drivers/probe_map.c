#include CASE
#include <stdio.h>
int main(void)
{
    struct probe_map m;
    uint64_t k;
    int64_t v = 0;
    pm_init(&m, 8);
    for (k = 1; k <= 10; k++)
        pm_put(&m, k * 1000, (int64_t)k);
    printf("get=%d v=%lld cap=%zu\n", pm_get(&m, 5000, &v), (long long)v, m.cap);
    pm_free(&m);
    return 0;
}
