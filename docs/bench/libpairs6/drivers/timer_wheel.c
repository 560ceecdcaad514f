/* Drives timer_wheel: a periodic timer whose callback cancels it. */
#include CASE
#include <stdio.h>

static int fired;

static void on_tick(struct timer_wheel *w, struct timer *t, void *arg)
{
    (void)arg;
    fired++;
    timer_cancel(w, t);
}

int main(void)
{
    struct timer_wheel *w = wheel_new();

    timer_add(w, 5, 10, on_tick, NULL);
    wheel_advance(w, 30);
    printf("fired %d, active %zu\n", fired, wheel_active(w));
    wheel_free(w);
    return 0;
}
