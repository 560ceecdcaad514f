/* MQTT 3.1.1 CONNECT decoding and CONNACK encoding for a small broker.
 * Strings in the packet are length-prefixed (2 bytes, big-endian) and are
 * returned as views into the packet buffer. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MQTT_MAX_CLIENT_ID 23
#define MQTT_ID_CHARS "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define MQTT_TOPIC_CHARS MQTT_ID_CHARS "/_-.$"

enum { MQTT_ACCEPTED = 0, MQTT_EPROTO = -1, MQTT_ELEVEL = -2, MQTT_EID = -3, MQTT_EAUTH = -4 };

struct mqtt_str {
    const uint8_t *p;
    uint16_t len;
};

struct mqtt_connect {
    uint8_t level, flags;
    uint16_t keepalive;
    int clean_session, will_qos, will_retain;
    struct mqtt_str client_id, will_topic, will_msg, username, password;
};

static int rd_varint(const uint8_t *d, size_t len, size_t *pos, uint32_t *out)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        if (*pos >= len)
            return -1;
        v |= (uint32_t)(d[*pos] & 0x7f) << (7 * i);
        if (!(d[(*pos)++] & 0x80)) {
            *out = v;
            return 0;
        }
    }
    return -1;
}

static int rd_str(const uint8_t *d, size_t end, size_t *pos, struct mqtt_str *s)
{
    if (end - *pos < 2)
        return -1;
    s->len = (uint16_t)(d[*pos] << 8 | d[*pos + 1]);
    *pos += 2;
    if (s->len > end - *pos)
        return -1;
    s->p = d + *pos;
    *pos += s->len;
    return 0;
}

/* Length of the prefix of p[0..n) made of characters from set. */
static size_t span_of(const uint8_t *p, size_t n, const char *set)
{
    size_t i;

    for (i = 0; i < n && p[i] && strchr(set, p[i]); i++)
        ;
    return i;
}

int mqtt_parse_connect(struct mqtt_connect *c, const uint8_t *d, size_t len)
{
    struct mqtt_str proto;
    size_t pos = 1, end;
    uint32_t rem;

    memset(c, 0, sizeof(*c));
    if (len < 2 || d[0] != 0x10)
        return MQTT_EPROTO;
    if (rd_varint(d, len, &pos, &rem) < 0 || rem > len - pos)
        return MQTT_EPROTO;
    end = pos + rem;
    if (rd_str(d, end, &pos, &proto) < 0 || proto.len != 4 || memcmp(proto.p, "MQTT", 4) != 0)
        return MQTT_EPROTO;
    if (end - pos < 4)
        return MQTT_EPROTO;
    c->level = d[pos];
    c->flags = d[pos + 1];
    c->keepalive = (uint16_t)(d[pos + 2] << 8 | d[pos + 3]);
    pos += 4;
    if (c->level != 4)
        return MQTT_ELEVEL;
    if (c->flags & 0x01)
        return MQTT_EPROTO;
    c->clean_session = (c->flags >> 1) & 1;
    if (rd_str(d, end, &pos, &c->client_id) < 0)
        return MQTT_EPROTO;
    if (c->client_id.len == 0 && !c->clean_session)
        return MQTT_EID;
    if (c->client_id.len > MQTT_MAX_CLIENT_ID ||
        strspn((const char *)c->client_id.p, MQTT_ID_CHARS) < c->client_id.len) // expect-warning: CWE-126
        return MQTT_EID;
    if (c->flags & 0x04) {
        c->will_qos = (c->flags >> 3) & 3;
        c->will_retain = (c->flags >> 5) & 1;
        if (c->will_qos == 3 || rd_str(d, end, &pos, &c->will_topic) < 0 ||
            rd_str(d, end, &pos, &c->will_msg) < 0)
            return MQTT_EPROTO;
        if (c->will_topic.len == 0 ||
            span_of(c->will_topic.p, c->will_topic.len, MQTT_TOPIC_CHARS) < c->will_topic.len)
            return MQTT_EPROTO;
    } else if (c->flags & 0x38) {
        return MQTT_EPROTO;
    }
    if ((c->flags & 0x80) && rd_str(d, end, &pos, &c->username) < 0)
        return MQTT_EPROTO;
    if (c->flags & 0x40) {
        if (!(c->flags & 0x80) || rd_str(d, end, &pos, &c->password) < 0)
            return MQTT_EAUTH;
    }
    return pos == end ? MQTT_ACCEPTED : MQTT_EPROTO;
}

/* Encodes CONNACK for a parse result; returns the packet length (4). */
size_t mqtt_connack(uint8_t out[4], int session_present, int result)
{
    out[0] = 0x20;
    out[1] = 2;
    out[2] = session_present && result == MQTT_ACCEPTED;
    switch (result) {
    case MQTT_ACCEPTED: out[3] = 0; break;
    case MQTT_ELEVEL: out[3] = 1; break;
    case MQTT_EID: out[3] = 2; break;
    case MQTT_EAUTH: out[3] = 4; break;
    default: out[3] = 5; break;
    }
    return 4;
}

/* Copies a packet string into a NUL-terminated buffer (truncating). */
size_t mqtt_str_copy(const struct mqtt_str *s, char *dst, size_t dstsz)
{
    size_t n = s->len < dstsz ? s->len : dstsz - 1;

    if (n)
        memcpy(dst, s->p, n);
    dst[n] = '\0';
    return n;
}
