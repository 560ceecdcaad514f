#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct server;
struct conn;

typedef int (*read_cb)(struct conn *c, const char *data, size_t n);

struct conn {
    int fd;
    unsigned long bytes_in;
    unsigned long lines;
    read_cb on_read;
    struct server *srv;
    struct conn *next;
};

struct server {
    struct conn *conns;
    size_t nconns;
};

void conn_close(struct conn *c)
{
    struct conn **pp;

    for (pp = &c->srv->conns; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == c) {
            *pp = c->next;
            c->srv->nconns--;
            break;
        }
    }
    free(c);
}

static int line_proto_read(struct conn *c, const char *data, size_t n)
{
    if (n >= 4 && memcmp(data, "QUIT", 4) == 0) {
        conn_close(c);
        return 1;
    }
    c->lines++;
    return 0;
}

struct conn *server_accept(struct server *srv, int fd)
{
    struct conn *c = calloc(1, sizeof *c);

    if (c == NULL)
        return NULL;
    c->fd = fd;
    c->on_read = line_proto_read;
    c->srv = srv;
    c->next = srv->conns;
    srv->conns = c;
    srv->nconns++;
    return c;
}

/* Called by the event loop with data read from c->fd. */
int conn_on_data(struct conn *c, const char *data, size_t n)
{
    c->bytes_in += n;
    return c->on_read(c, data, n);
}

void server_shutdown(struct server *srv)
{
    while (srv->conns != NULL)
        conn_close(srv->conns);
}
