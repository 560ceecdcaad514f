#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct message {
    uint16_t type;
    size_t len;
    uint8_t *body;
    char *topic;
};

typedef int (*deliver_fn)(size_t sub, struct message *m, void *ctx);

static char *str_dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);

    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static void message_free(struct message *m)
{
    if (m == NULL)
        return;
    free(m->body);
    free(m->topic);
    free(m);
}

static struct message *message_new(uint16_t type, const char *topic,
                                   const uint8_t *body, size_t len)
{
    struct message *m = calloc(1, sizeof *m);

    if (m == NULL)
        return NULL;
    m->type = type;
    m->len = len;
    m->topic = str_dup(topic);
    m->body = malloc(len ? len : 1);
    if (m->topic == NULL || m->body == NULL) {
        message_free(m);
        return NULL;
    }
    if (len > 0)
        memcpy(m->body, body, len);
    return m;
}

static struct message *message_clone(const struct message *m)
{
    struct message *c = malloc(sizeof *c);

    if (c == NULL)
        return NULL;
    *c = *m;
    c->body = malloc(m->len ? m->len : 1);
    if (c->body == NULL) {
        free(c);
        return NULL;
    }
    if (m->len > 0)
        memcpy(c->body, m->body, m->len);
    c->topic = str_dup(m->topic);
    if (c->topic == NULL) {
        free(c->body);
        free(c);
        return NULL;
    }
    return c;
}

/* Publishes a message to nsubs subscribers; each gets a private copy
 * that is released once deliver returns. */
int broker_publish(uint16_t type, const char *topic, const uint8_t *body,
                   size_t len, size_t nsubs, deliver_fn deliver, void *ctx)
{
    struct message *m = message_new(type, topic, body, len);
    size_t i;
    int rc = 0;

    if (m == NULL)
        return -1;
    for (i = 0; i < nsubs && rc == 0; i++) {
        struct message *c = message_clone(m);

        if (c == NULL) {
            rc = -1;
            break;
        }
        rc = deliver(i, c, ctx);
        message_free(c);
    }
    message_free(m);
    return rc;
}
