#include CASE
#include <stdio.h>
static void tick(void *arg) { (*(int *)arg)++; }
int main(void)
{
    struct timer_list tl = {0};
    int n = 0;
    timers_add(&tl, 1, tick, &n);
    timers_add(&tl, 2, tick, &n);
    timers_add(&tl, 50, tick, &n);
    printf("fired=%zu n=%d\n", timers_run_expired(&tl, 5), n);
    timers_clear(&tl);
    return 0;
}
