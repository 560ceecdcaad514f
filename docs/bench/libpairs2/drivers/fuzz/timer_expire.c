#include CASE
#include "common.h"
static void tick(void *arg) { (*(int *)arg)++; }
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct timer_list tl = {0};
    int cnt = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        switch (d[i] & 3) {
        case 0: case 1: timers_add(&tl, d[i] >> 1, tick, &cnt); break;
        case 2: timers_cancel(&tl, d[i] >> 2); break;
        case 3: timers_run_expired(&tl, d[i] >> 1); break;
        }
    }
    timers_clear(&tl);
    return 0;
}
