#include <stdint.h>
#include <stddef.h>

enum {
    PKT_CONNECT = 1, PKT_CONNACK, PKT_PUBLISH, PKT_PUBACK, PKT_PUBREC,
    PKT_PUBREL, PKT_PUBCOMP, PKT_SUBSCRIBE, PKT_SUBACK, PKT_UNSUBSCRIBE,
    PKT_UNSUBACK, PKT_PINGREQ, PKT_PINGRESP, PKT_DISCONNECT
};

struct mqtt_session {
    int connected;
    unsigned long published;
    unsigned long pings;
    unsigned long subscriptions;
};

typedef int (*pkt_handler)(struct mqtt_session *s, uint8_t flags,
                           const uint8_t *body, size_t len);

static int on_connect(struct mqtt_session *s, uint8_t flags, const uint8_t *body, size_t len)
{
    if (s->connected || len < 10 || body[0] != 0 || body[1] != 4)
        return -1;
    s->connected = 1;
    return 0;
}

static int on_publish(struct mqtt_session *s, uint8_t flags, const uint8_t *body, size_t len)
{
    if (!s->connected || len < 2 || (flags & 0x06) == 0x06)
        return -1;
    s->published++;
    return 0;
}

static int on_subscribe(struct mqtt_session *s, uint8_t flags, const uint8_t *body, size_t len)
{
    if (!s->connected || len < 5)
        return -1;
    s->subscriptions++;
    return 0;
}

static int on_pingreq(struct mqtt_session *s, uint8_t flags, const uint8_t *body, size_t len)
{
    s->pings++;
    return len == 0 ? 0 : -1;
}

static int on_disconnect(struct mqtt_session *s, uint8_t flags, const uint8_t *body, size_t len)
{
    s->connected = 0;
    return 0;
}

static const struct {
    pkt_handler fn;
    uint8_t allowed_flags;
} handlers[PKT_DISCONNECT + 1] = {
    [PKT_CONNECT] = { on_connect, 0x0 },
    [PKT_PUBLISH] = { on_publish, 0xF },
    [PKT_SUBSCRIBE] = { on_subscribe, 0x2 },
    [PKT_PINGREQ] = { on_pingreq, 0x0 },
    [PKT_DISCONNECT] = { on_disconnect, 0x0 },
};

static int decode_varint(const uint8_t *buf, size_t len, size_t *value, size_t *used)
{
    size_t v = 0, i;

    for (i = 0; i < 4 && i < len; i++) {
        v |= (size_t)(buf[i] & 0x7F) << (7 * i);
        if ((buf[i] & 0x80) == 0) {
            *value = v;
            *used = i + 1;
            return 0;
        }
    }
    return -1;
}

int mqtt_handle_packet(struct mqtt_session *s, const uint8_t *buf, size_t len)
{
    unsigned type;
    uint8_t flags;
    size_t rem, used;

    if (len < 2)
        return -1;
    type = buf[0] >> 4;
    flags = buf[0] & 0x0F;
    if (decode_varint(buf + 1, len - 1, &rem, &used) < 0)
        return -1;
    if (rem != len - 1 - used)
        return -1;
    if (handlers[type].fn == NULL) // expect-warning: CWE-129
        return -1;
    if ((flags & ~handlers[type].allowed_flags) != 0)
        return -1;
    return handlers[type].fn(s, flags, buf + 1 + used, rem);
}
