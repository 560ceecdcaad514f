/* File-descriptor watch list for a poll()-style event loop: watches are
 * registered per descriptor and their callbacks run for ready events. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define IO_READ 0x01u
#define IO_WRITE 0x02u
#define IO_HUP 0x04u

struct io_loop;
struct io_watch;

typedef void (*io_cb)(struct io_loop *loop, struct io_watch *w, unsigned revents, void *arg);

struct io_watch {
    int fd;
    unsigned events;
    io_cb cb;
    void *arg;
    unsigned long calls;
    struct io_watch *next;
};

struct io_loop {
    struct io_watch *head;
    size_t count;
    unsigned long dispatched;
};

struct io_event {
    int fd;
    unsigned revents;
};

void io_loop_init(struct io_loop *l)
{
    memset(l, 0, sizeof(*l));
}

struct io_watch *io_watch_add(struct io_loop *l, int fd, unsigned events, io_cb cb, void *arg)
{
    struct io_watch *w, **pp;

    if (fd < 0 || !cb || !(events & (IO_READ | IO_WRITE)))
        return NULL;
    if (!(w = calloc(1, sizeof(*w))))
        return NULL;
    w->fd = fd;
    w->events = events;
    w->cb = cb;
    w->arg = arg;
    for (pp = &l->head; *pp; pp = &(*pp)->next)
        ;
    *pp = w;
    l->count++;
    return w;
}

int io_watch_remove(struct io_loop *l, struct io_watch *w)
{
    struct io_watch **pp;

    for (pp = &l->head; *pp; pp = &(*pp)->next) {
        if (*pp == w) {
            *pp = w->next;
            l->count--;
            free(w);
            return 0;
        }
    }
    return -1;
}

int io_watch_modify(struct io_watch *w, unsigned events)
{
    if (!(events & (IO_READ | IO_WRITE)))
        return -1;
    w->events = events;
    return 0;
}

/* Union of the events wanted for fd, for building the poll set. */
unsigned io_fd_events(const struct io_loop *l, int fd)
{
    const struct io_watch *w;
    unsigned ev = 0;

    for (w = l->head; w; w = w->next)
        if (w->fd == fd)
            ev |= w->events;
    return ev;
}

/* Runs the callbacks for a batch of ready descriptors.  A hang-up is
 * delivered to every watch on the descriptor. */
size_t io_dispatch(struct io_loop *l, const struct io_event *ev, size_t nev)
{
    struct io_watch *w;
    unsigned rev;
    size_t i, calls = 0;

    for (i = 0; i < nev; i++) {
        for (w = l->head; w; w = w->next) { // expect-warning: CWE-416
            if (w->fd != ev[i].fd)
                continue;
            rev = ev[i].revents & (w->events | IO_HUP);
            if (!rev)
                continue;
            w->calls++;
            calls++;
            w->cb(l, w, rev, w->arg);
        }
    }
    l->dispatched += calls;
    return calls;
}

void io_loop_clear(struct io_loop *l)
{
    struct io_watch *w = l->head, *next;

    while (w) {
        next = w->next;
        free(w);
        w = next;
    }
    l->head = NULL;
    l->count = 0;
}
