#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TXQ_SLOTS 8

struct packet {
    unsigned refcnt;
    size_t len;
    uint8_t *data;
};

struct tx_queue {
    struct packet *slots[TXQ_SLOTS];
    size_t head;
    size_t count;
    unsigned long bytes_sent;
};

typedef int (*send_fn)(void *ctx, const uint8_t *data, size_t len);

static struct packet *packet_new(const uint8_t *data, size_t len)
{
    struct packet *p = malloc(sizeof *p);

    if (p == NULL)
        return NULL;
    p->data = malloc(len ? len : 1);
    if (p->data == NULL) {
        free(p);
        return NULL;
    }
    if (len > 0)
        memcpy(p->data, data, len);
    p->len = len;
    p->refcnt = 1;
    return p;
}

static void packet_put(struct packet *p)
{
    if (--p->refcnt == 0) {
        free(p->data);
        free(p);
    }
}

/* Copies data into a new packet and appends it to the queue. */
int txq_enqueue(struct tx_queue *q, const uint8_t *data, size_t len)
{
    struct packet *p;

    if (q->count == TXQ_SLOTS)
        return -1;
    p = packet_new(data, len);
    if (p == NULL)
        return -1;
    p->refcnt++;
    q->slots[(q->head + q->count) % TXQ_SLOTS] = p;
    q->count++;
    packet_put(p);
    return 0;
}

/* Transmits the oldest queued packet. Returns 1 if sent, 0 if empty, -1 on error. */
int txq_send_one(struct tx_queue *q, send_fn send, void *ctx)
{
    struct packet *p;
    int rc;

    if (q->count == 0)
        return 0;
    p = q->slots[q->head];
    q->slots[q->head] = NULL;
    q->head = (q->head + 1) % TXQ_SLOTS;
    q->count--;
    rc = send(ctx, p->data, p->len);
    packet_put(p);
    if (rc == 0)
        q->bytes_sent += p->len;  // expect-warning: CWE-416
    return rc == 0 ? 1 : -1;
}
