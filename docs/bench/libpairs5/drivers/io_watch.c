#include CASE
#include <stdio.h>

static void on_ready(struct io_loop *l, struct io_watch *w, unsigned rev, void *arg)
{
    (void)arg;
    if (rev & IO_HUP)
        io_watch_remove(l, w);       /* peer closed: drop the watch */
}

int main(void)
{
    struct io_loop l;
    struct io_event ev[1] = { { 5, IO_READ | IO_HUP } };

    io_loop_init(&l);
    io_watch_add(&l, 4, IO_READ, on_ready, NULL);
    io_watch_add(&l, 5, IO_READ, on_ready, NULL);
    io_watch_add(&l, 6, IO_WRITE, on_ready, NULL);
    printf("calls: %zu\n", io_dispatch(&l, ev, 1));
    io_loop_clear(&l);
    return 0;
}
