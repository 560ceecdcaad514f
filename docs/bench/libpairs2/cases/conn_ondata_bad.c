#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RX_MAX 1024

struct conn {
    int fd;
    uint8_t rx[RX_MAX];
    size_t rxlen;
    time_t last_active;
    unsigned nreq;
    struct conn *next;
};

struct server {
    struct conn *conns;
    size_t nconns;
    unsigned long bytes_in;
    unsigned long errors;
};

struct conn *server_accept(struct server *s, int fd)
{
    struct conn *c = calloc(1, sizeof(*c));

    if (!c)
        return NULL;
    c->fd = fd;
    c->next = s->conns;
    s->conns = c;
    s->nconns++;
    return c;
}

static void server_drop(struct server *s, struct conn *c)
{
    struct conn **pp;

    for (pp = &s->conns; *pp; pp = &(*pp)->next) {
        if (*pp == c) {
            *pp = c->next;
            break;
        }
    }
    s->nconns--;
    free(c);
}

static int handle_line(struct conn *c, const uint8_t *line, size_t n)
{
    if (n >= 4 && memcmp(line, "PING", 4) == 0)
        return 0;
    if (n >= 4 && memcmp(line, "GET ", 4) == 0 && n > 4)
        return 0;
    if (n >= 4 && memcmp(line, "QUIT", 4) == 0)
        return 1;
    return -1;
}

int server_on_data(struct server *s, struct conn *c, const uint8_t *buf,
                   size_t len, time_t now)
{
    uint8_t *nl;
    int rc = 0;

    s->bytes_in += len;
    if (len > RX_MAX - c->rxlen) {
        s->errors++;
        server_drop(s, c);
        rc = -1;
        goto out;
    }
    memcpy(c->rx + c->rxlen, buf, len);
    c->rxlen += len;
    while ((nl = memchr(c->rx, '\n', c->rxlen)) != NULL) {
        size_t n = (size_t)(nl - c->rx);
        int r = handle_line(c, c->rx, n);

        if (r != 0) {
            if (r < 0)
                s->errors++;
            server_drop(s, c);
            rc = r < 0 ? -1 : 1;
            goto out;
        }
        c->nreq++;
        memmove(c->rx, nl + 1, c->rxlen - n - 1);
        c->rxlen -= n + 1;
    }
out:
    c->last_active = now; // expect-warning: CWE-416
    return rc;
}
