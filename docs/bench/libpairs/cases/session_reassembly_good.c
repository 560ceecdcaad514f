#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SESS_BUF_SIZE 512
#define PKT_FLAG_LAST 0x0001

struct pkt_hdr {
    uint16_t flags;
    uint16_t payload_len;
    uint32_t seq;
};

typedef void (*deliver_fn)(void *ctx, const uint8_t *msg, size_t len);

struct session {
    uint32_t last_seq;
    deliver_fn deliver;
    void *ctx;
    size_t buf_len;
    uint8_t buf[SESS_BUF_SIZE];
};

struct session *session_new(deliver_fn deliver, void *ctx)
{
    struct session *s = calloc(1, sizeof *s);

    if (s != NULL) {
        s->deliver = deliver;
        s->ctx = ctx;
    }
    return s;
}

void session_free(struct session *s)
{
    free(s);
}

/* Feeds one received packet; fragments are concatenated until PKT_FLAG_LAST. */
int session_input(struct session *s, const uint8_t *pkt, size_t pkt_len)
{
    struct pkt_hdr h;
    uint16_t plen;

    if (pkt_len < sizeof h)
        return -1;
    memcpy(&h, pkt, sizeof h);
    plen = ntohs(h.payload_len);
    if (plen > pkt_len - sizeof h)
        return -1;
    if (plen > sizeof s->buf - s->buf_len)
        return -1;
    s->last_seq = ntohl(h.seq);
    memcpy(s->buf + s->buf_len, pkt + sizeof h, plen);
    s->buf_len += plen;
    if (ntohs(h.flags) & PKT_FLAG_LAST) {
        size_t len = s->buf_len;

        s->buf_len = 0;
        s->deliver(s->ctx, s->buf, len);
    }
    return 0;
}
