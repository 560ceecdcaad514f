/* ISO 15765-2 (ISO-TP) receive side over classic CAN frames: single,
 * first and consecutive frames are reassembled into one message. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ISOTP_SF 0x0
#define ISOTP_FF 0x1
#define ISOTP_CF 0x2
#define ISOTP_FC 0x3
#define ISOTP_MAX_LEN 4095

struct can_frame {
    uint32_t id;
    uint8_t dlc;
    uint8_t data[8];
};

enum isotp_state { RX_IDLE, RX_MULTI, RX_DONE };

struct isotp_rx {
    uint32_t id;
    enum isotp_state state;
    uint8_t *buf;
    size_t total;
    size_t got;
    uint8_t next_sn;
    unsigned frames;
    unsigned errors;
};

void isotp_rx_init(struct isotp_rx *rx, uint32_t id)
{
    memset(rx, 0, sizeof(*rx));
    rx->id = id;
}

static void rx_abort(struct isotp_rx *rx)
{
    free(rx->buf);
    rx->buf = NULL;
    rx->total = rx->got = 0;
    rx->state = RX_IDLE;
    rx->errors++;
}

static int start_message(struct isotp_rx *rx, size_t total, const uint8_t *p, size_t n)
{
    free(rx->buf);
    rx->buf = malloc(total ? total : 1);
    if (!rx->buf)
        return -1;
    rx->total = total;
    memcpy(rx->buf, p, n);
    rx->got = n;
    return 0;
}

static int on_consecutive(struct isotp_rx *rx, const struct can_frame *f)
{
    size_t n;

    if (rx->state != RX_MULTI)
        return 0;
    if ((f->data[0] & 0x0f) != rx->next_sn) {
        rx_abort(rx);
        return -1;
    }
    rx->next_sn = (rx->next_sn + 1) & 0x0f;
    n = f->dlc - 1u;
    if (n > rx->total - rx->got)
        n = rx->total - rx->got;
    memcpy(rx->buf + rx->got, f->data + 1, n);
    rx->got += n;
    if (rx->got >= rx->total) {
        rx->got = rx->total;
        rx->state = RX_DONE;
        return 1;
    }
    return 0;
}

/* Feeds one CAN frame. Returns 1 when a message is complete, 0 when more
 * frames are needed or the frame was ignored, -1 on a protocol error. */
int isotp_rx_frame(struct isotp_rx *rx, const struct can_frame *f)
{
    size_t total;

    if (f->id != rx->id || f->dlc < 1 || f->dlc > 8)
        return 0;
    rx->frames++;
    switch (f->data[0] >> 4) {
    case ISOTP_SF:
        total = f->data[0] & 0x0f;
        if (total == 0 || total > f->dlc - 1u)
            return -1;
        if (start_message(rx, total, f->data + 1, total) < 0)
            return -1;
        rx->state = RX_DONE;
        return 1;
    case ISOTP_FF:
        if (f->dlc != 8)
            return -1;
        total = (size_t)(f->data[0] & 0x0f) << 8 | f->data[1];
        if (total < 8)
            return -1;
        if (start_message(rx, total, f->data + 2, 6) < 0)
            return -1;
        rx->state = RX_MULTI;
        rx->next_sn = 1;
        return 0;
    case ISOTP_CF:
        if (f->dlc < 2)
            return -1;
        return on_consecutive(rx, f);
    case ISOTP_FC:
        return 0;
    }
    return -1;
}

/* Hands the completed message to the caller, who frees it. */
uint8_t *isotp_rx_take(struct isotp_rx *rx, size_t *len)
{
    uint8_t *m;

    if (rx->state != RX_DONE)
        return NULL;
    m = rx->buf;
    *len = rx->total;
    rx->buf = NULL;
    rx->total = rx->got = 0;
    rx->state = RX_IDLE;
    return m;
}

void isotp_rx_free(struct isotp_rx *rx)
{
    free(rx->buf);
    rx->buf = NULL;
    rx->state = RX_IDLE;
}

int isotp_rx_busy(const struct isotp_rx *rx)
{
    return rx->state == RX_MULTI;
}
