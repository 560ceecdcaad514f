/* Reference-counted immutable byte buffers and the message objects that
 * share them (a header buffer and a body buffer per message), so that
 * fan-out to many subscribers does not copy payloads. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct rbuf {
    unsigned refs;
    size_t len;
    uint8_t data[];
};

struct message {
    unsigned id;
    struct rbuf *head, *body;
};

struct rbuf *rbuf_new(const void *data, size_t len)
{
    struct rbuf *b = malloc(sizeof(*b) + len);

    if (!b)
        return NULL;
    b->refs = 1;
    b->len = len;
    if (len)
        memcpy(b->data, data, len);
    return b;
}

struct rbuf *rbuf_ref(struct rbuf *b)
{
    if (b)
        b->refs++;
    return b;
}

void rbuf_release(struct rbuf *b)
{
    if (b && --b->refs == 0)
        free(b);
}

/* New buffer holding a followed by b. */
struct rbuf *rbuf_concat(const struct rbuf *a, const struct rbuf *b)
{
    struct rbuf *r = malloc(sizeof(*r) + a->len + b->len);

    if (!r)
        return NULL;
    r->refs = 1;
    r->len = a->len + b->len;
    memcpy(r->data, a->data, a->len);
    memcpy(r->data + a->len, b->data, b->len);
    return r;
}

struct message *msg_new(unsigned id)
{
    struct message *m = calloc(1, sizeof(*m));

    if (m)
        m->id = id;
    return m;
}

void msg_free(struct message *m)
{
    if (!m)
        return;
    rbuf_release(m->head);
    rbuf_release(m->body);
    free(m);
}

/* The message takes its own reference; the caller keeps its reference. */
void msg_set_head(struct message *m, struct rbuf *b)
{
    rbuf_ref(b);
    rbuf_release(m->head);
    m->head = b;
}

void msg_set_body(struct message *m, struct rbuf *b)
{
    if (b)
        b->refs++;
    rbuf_release(m->body);
    m->body = b;
}

struct rbuf *msg_body(const struct message *m)
{
    return m->body;
}

size_t msg_size(const struct message *m)
{
    return (m->head ? m->head->len : 0) + (m->body ? m->body->len : 0);
}

/* Makes dst share src's header and body buffers. */
void msg_copy(struct message *dst, const struct message *src)
{
    msg_set_head(dst, src->head);
    msg_set_body(dst, src->body);
}

/* Appends data to the body (copy-on-write: a new buffer replaces it). */
int msg_append(struct message *m, const void *data, size_t len)
{
    struct rbuf *extra = rbuf_new(data, len), *joined;

    if (!extra)
        return -1;
    if (!m->body) {
        m->body = extra;
        return 0;
    }
    joined = rbuf_concat(m->body, extra);
    rbuf_release(extra);
    if (!joined)
        return -1;
    msg_set_body(m, joined);
    rbuf_release(joined);
    return 0;
}

/* Serialises header then body into out; returns bytes written or -1. */
long msg_write(const struct message *m, uint8_t *out, size_t cap)
{
    size_t n = msg_size(m), h = m->head ? m->head->len : 0;

    if (n > cap)
        return -1;
    if (h)
        memcpy(out, m->head->data, h);
    if (n > h)
        memcpy(out + h, m->body->data, n - h);
    return (long)n;
}
