#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum conn_state { CONN_IDLE, CONN_CONNECTING, CONN_UP, CONN_CLOSED };

struct conn {
    enum conn_state state;
    char *peer;
    unsigned attempts;
    uint64_t bytes_out;
};

struct conn *conn_new(void)
{
    struct conn *c = calloc(1, sizeof(*c));

    if (c)
        c->state = CONN_IDLE;
    return c;
}

static int conn_set_peer(struct conn *c, const char *host, uint16_t port)
{
    char buf[320];
    int n;

    n = snprintf(buf, sizeof(buf), "%s:%u", host, (unsigned)port);
    if (n < 0 || (size_t)n >= sizeof(buf))
        return -1;
    free(c->peer);
    c->peer = strdup(buf);
    return c->peer ? 0 : -1;
}

int conn_connect(struct conn *c, const char *host, uint16_t port)
{
    if (c->state == CONN_UP || c->state == CONN_CONNECTING)
        return -1;
    if (conn_set_peer(c, host, port) < 0)
        return -1;
    c->attempts++;
    c->state = CONN_CONNECTING;
    return 0;
}

void conn_established(struct conn *c)
{
    if (c->state == CONN_CONNECTING)
        c->state = CONN_UP;
}

void conn_close(struct conn *c)
{
    c->state = CONN_CLOSED;
}

const char *conn_peer(const struct conn *c)
{
    return c->peer ? c->peer : "-";
}

void conn_free(struct conn *c)
{
    if (!c)
        return;
    free(c->peer);
    free(c);
}
