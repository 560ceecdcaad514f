#include CASE
#include "common.h"

/* Callbacks may remove their own watch (as connection handlers do on
 * hang-up or on an error), or change its event mask. */
static void on_ready(struct io_loop *l, struct io_watch *w, unsigned rev, void *arg)
{
    unsigned mode = (unsigned)(size_t)arg;
    if ((rev & IO_HUP) || mode == 1)
        io_watch_remove(l, w);
    else if (mode == 2)
        io_watch_modify(w, IO_WRITE);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct io_loop l;
    struct io_event ev[4];
    unsigned i;

    io_loop_init(&l);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f);
        if (op & 1) {
            io_watch_add(&l, (int)(fz_u8(&f) % 8), fz_u8(&f) & 3, on_ready, (void *)(size_t)(fz_u8(&f) % 3));
        } else {
            for (i = 0; i < 4; i++) {
                ev[i].fd = (int)(fz_u8(&f) % 8);
                ev[i].revents = fz_u8(&f) & 7;
            }
            io_dispatch(&l, ev, (op >> 1) % 5);
            (void)io_fd_events(&l, (int)(op % 8));
        }
    }
    io_loop_clear(&l);
    return 0;
}
