#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Server side WebSocket (RFC 6455) frame reader.  Bytes read from the
 * socket are fed with ws_feed(); each complete frame is unmasked and passed
 * to the message callback.  The callback may release the connection with
 * ws_free() (typically on a close frame) and must then return non-zero.
 */

#define WS_MAX_FRAME (1u << 20)

enum { WS_CONT = 0, WS_TEXT = 1, WS_BINARY = 2, WS_CLOSE = 8, WS_PING = 9, WS_PONG = 10 };

struct ws_conn;
typedef int (*ws_message_cb)(void *arg, struct ws_conn *ws, int opcode,
                             const uint8_t *payload, size_t len);

struct ws_conn {
    uint8_t *rbuf;
    size_t rlen;
    size_t rcap;
    ws_message_cb on_message;
    void *cb_arg;
    uint64_t frames_in;
    uint64_t bytes_in;
    int close_received;
};

struct ws_conn *ws_new(ws_message_cb cb, void *arg)
{
    struct ws_conn *ws = calloc(1, sizeof(*ws));

    if (ws) {
        ws->on_message = cb;
        ws->cb_arg = arg;
    }
    return ws;
}

void ws_free(struct ws_conn *ws)
{
    if (ws) {
        free(ws->rbuf);
        free(ws);
    }
}

/* Parses one frame header; returns header size, 0 if incomplete, -1 on error. */
static int ws_header(const uint8_t *p, size_t n, int *opcode, uint64_t *plen, const uint8_t **mask)
{
    size_t h = 2;
    uint64_t len;
    int i;

    if (n < 2)
        return 0;
    if ((p[0] & 0x70) || !(p[1] & 0x80)) /* RSV bits, client frames must be masked */
        return -1;
    *opcode = p[0] & 0x0f;
    len = p[1] & 0x7f;
    if (len == 126) {
        if (n < 4)
            return 0;
        len = ((uint64_t)p[2] << 8) | p[3];
        h = 4;
    } else if (len == 127) {
        if (n < 10)
            return 0;
        for (len = 0, i = 0; i < 8; i++)
            len = (len << 8) | p[2 + i];
        h = 10;
    }
    if (n < h + 4)
        return 0;
    *mask = p + h;
    *plen = len;
    return (int)(h + 4);
}

/* Returns 0 to continue reading, 1 if the callback stopped the connection, -1 on error. */
int ws_feed(struct ws_conn *ws, const uint8_t *data, size_t len)
{
    size_t off = 0;

    if (len == 0)
        return 0;
    if (len > WS_MAX_FRAME * 2 || ws->rlen + len > WS_MAX_FRAME * 2)
        return -1;
    if (ws->rlen + len > ws->rcap) {
        size_t cap = ws->rlen + len;
        uint8_t *p = realloc(ws->rbuf, cap);
        if (!p)
            return -1;
        ws->rbuf = p;
        ws->rcap = cap;
    }
    memcpy(ws->rbuf + ws->rlen, data, len);
    ws->rlen += len;
    ws->bytes_in += len;

    for (;;) {
        const uint8_t *mask;
        uint8_t *payload;
        uint64_t plen, i;
        int opcode, hl, rc;

        hl = ws_header(ws->rbuf + off, ws->rlen - off, &opcode, &plen, &mask);
        if (hl < 0)
            return -1;
        if (hl == 0)
            break;
        if (plen > WS_MAX_FRAME)
            return -1;
        if (plen > ws->rlen - off - (size_t)hl)
            break;
        payload = ws->rbuf + off + hl;
        for (i = 0; i < plen; i++)
            payload[i] ^= mask[i & 3];
        if (opcode == WS_CLOSE)
            ws->close_received = 1;

        rc = ws->on_message(ws->cb_arg, ws, opcode, payload, (size_t)plen);
        ws->frames_in++; // expect-warning: CWE-416
        if (rc != 0)
            return 1;
        off += (size_t)hl + (size_t)plen;
    }
    memmove(ws->rbuf, ws->rbuf + off, ws->rlen - off);
    ws->rlen -= off;
    return 0;
}
