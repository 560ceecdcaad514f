#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Store-and-forward outbox for a telemetry agent.  Messages are queued
 * in FIFO order and pushed through a transport callback on flush.  A
 * message that keeps failing is dropped after OUTBOX_MAX_ATTEMPTS.
 */

#define OUTBOX_MAX_ATTEMPTS 3
#define OUTBOX_MAX_QUEUED 256

/* Transport returns 0 when sent, > 0 for a transient failure, < 0 for a
 * permanent rejection of this message. */
typedef int (*outbox_send_fn)(void *arg, const char *body, size_t len);

struct outmsg {
    struct outmsg *next;
    unsigned id;
    int attempts;
    size_t len;
    char body[];
};

struct outbox {
    struct outmsg *head;
    struct outmsg **tail;
    size_t queued;
    unsigned next_id;
    unsigned sent;
    unsigned dropped;
    unsigned last_dropped_id;
    outbox_send_fn send;
    void *send_arg;
};

void outbox_init(struct outbox *ob, outbox_send_fn fn, void *arg)
{
    memset(ob, 0, sizeof(*ob));
    ob->tail = &ob->head;
    ob->send = fn;
    ob->send_arg = arg;
}

unsigned outbox_post(struct outbox *ob, const char *body, size_t len)
{
    struct outmsg *m;

    if (ob->queued >= OUTBOX_MAX_QUEUED)
        return 0;
    m = malloc(sizeof(*m) + len + 1);
    if (!m)
        return 0;
    m->next = NULL;
    m->id = ++ob->next_id;
    m->attempts = 0;
    m->len = len;
    memcpy(m->body, body, len);
    m->body[len] = '\0';
    *ob->tail = m;
    ob->tail = &m->next;
    ob->queued++;
    return m->id;
}

/* Tries to send m, which is already unlinked from the queue.  Consumes m
 * unless the failure is transient and retries remain (returns 1). */
static int outbox_deliver(struct outbox *ob, struct outmsg *m)
{
    int rc = ob->send(ob->send_arg, m->body, m->len);

    if (rc == 0) {
        ob->sent++;
        free(m);
        return 0;
    }
    if (rc > 0 && ++m->attempts < OUTBOX_MAX_ATTEMPTS)
        return 1;
    free(m);
    return -1;
}

/* Sends queued messages until the queue is empty or the transport reports
 * a transient failure.  Returns the number of messages still queued. */
size_t outbox_flush(struct outbox *ob)
{
    struct outmsg *m;
    unsigned id;
    int rc;

    while ((m = ob->head) != NULL) {
        ob->head = m->next;
        if (ob->head == NULL)
            ob->tail = &ob->head;
        ob->queued--;

        id = m->id;
        rc = outbox_deliver(ob, m);
        if (rc > 0) {
            /* put it back in front and retry on the next flush */
            m->next = ob->head;
            if (ob->head == NULL)
                ob->tail = &m->next;
            ob->head = m;
            ob->queued++;
            break;
        }
        if (rc < 0) {
            ob->dropped++;
            ob->last_dropped_id = id;
        }
    }
    return ob->queued;
}

void outbox_destroy(struct outbox *ob)
{
    struct outmsg *m;

    while ((m = ob->head) != NULL) {
        ob->head = m->next;
        free(m);
    }
    ob->tail = &ob->head;
    ob->queued = 0;
}
