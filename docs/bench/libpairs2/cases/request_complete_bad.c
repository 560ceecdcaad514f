#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#define MAX_INFLIGHT 16

typedef void (*done_fn)(void *arg, int status);

struct request {
    int refs;
    int status;
    char *url;
    done_fn on_done;
    void *cb_arg;
};

struct client {
    struct request *inflight[MAX_INFLIGHT];
    size_t n;
};

struct request *request_new(const char *url, done_fn cb, void *arg)
{
    struct request *r = calloc(1, sizeof(*r));

    if (!r)
        return NULL;
    r->url = strdup(url);
    if (!r->url) {
        free(r);
        return NULL;
    }
    r->refs = 1;
    r->on_done = cb;
    r->cb_arg = arg;
    return r;
}

void request_ref(struct request *r)
{
    r->refs++;
}

void request_unref(struct request *r)
{
    if (--r->refs > 0)
        return;
    free(r->url);
    free(r);
}

int client_submit(struct client *c, struct request *r)
{
    if (c->n == MAX_INFLIGHT)
        return -1;
    request_ref(r);
    c->inflight[c->n++] = r;
    return 0;
}

int client_complete(struct client *c, size_t slot, int status)
{
    struct request *r;

    if (slot >= c->n)
        return -1;
    r = c->inflight[slot];
    c->inflight[slot] = c->inflight[--c->n];
    r->status = status;
    request_unref(r);
    if (r->on_done) // expect-warning: CWE-416
        r->on_done(r->cb_arg, status);
    return 0;
}

void client_cancel_all(struct client *c)
{
    while (c->n > 0)
        client_complete(c, c->n - 1, -1);
}
