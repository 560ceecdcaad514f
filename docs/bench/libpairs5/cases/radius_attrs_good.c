/* RADIUS (RFC 2865) packet decoding: header, attribute index and the
 * fields a NAS access request is summarised by. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define RADIUS_HDR_LEN 20
#define RADIUS_MAX_LEN 4096
#define RADIUS_MAX_ATTRS 64

#define RADIUS_ACCESS_REQUEST 1
#define RADIUS_ACCESS_ACCEPT 2
#define RADIUS_ACCESS_REJECT 3
#define RADIUS_ACCOUNTING_REQUEST 4

#define RADIUS_USER_NAME 1
#define RADIUS_USER_PASSWORD 2
#define RADIUS_NAS_IP_ADDRESS 4
#define RADIUS_NAS_PORT 5
#define RADIUS_SERVICE_TYPE 6
#define RADIUS_CALLING_STATION_ID 31
#define RADIUS_NAS_IDENTIFIER 32
#define RADIUS_NAS_PORT_TYPE 61

struct radius_attr {
    uint8_t type;
    uint8_t len;                /* value length */
    const uint8_t *val;
};

struct radius_packet {
    uint8_t code;
    uint8_t id;
    uint16_t length;
    const uint8_t *authenticator;
    unsigned nattrs;
    struct radius_attr attrs[RADIUS_MAX_ATTRS];
};

struct radius_summary {
    char user[64];
    uint32_t nas_ip;
    char nas_id[64];
    uint32_t nas_port;
    uint32_t port_type;
    uint32_t service_type;
};

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int radius_parse(const uint8_t *buf, size_t len, struct radius_packet *pkt)
{
    size_t off = RADIUS_HDR_LEN;
    uint8_t alen;

    memset(pkt, 0, sizeof(*pkt));
    if (len < RADIUS_HDR_LEN)
        return -1;
    pkt->code = buf[0];
    pkt->id = buf[1];
    pkt->length = (uint16_t)(buf[2] << 8 | buf[3]);
    if (pkt->length < RADIUS_HDR_LEN || pkt->length > RADIUS_MAX_LEN || pkt->length > len)
        return -1;
    pkt->authenticator = buf + 4;
    while (off < pkt->length) {
        if (pkt->length - off < 2)
            return -1;
        alen = buf[off + 1];
        if (alen < 2 || alen > pkt->length - off || pkt->nattrs == RADIUS_MAX_ATTRS)
            return -1;
        pkt->attrs[pkt->nattrs].type = buf[off];
        pkt->attrs[pkt->nattrs].len = (uint8_t)(alen - 2);
        pkt->attrs[pkt->nattrs].val = buf + off + 2;
        pkt->nattrs++;
        off += alen;
    }
    return 0;
}

const struct radius_attr *radius_find(const struct radius_packet *pkt, uint8_t type)
{
    unsigned i;

    for (i = 0; i < pkt->nattrs; i++)
        if (pkt->attrs[i].type == type)
            return &pkt->attrs[i];
    return NULL;
}

static int copy_text(const struct radius_attr *a, char *dst, size_t cap)
{
    if (a->len == 0 || a->len >= cap || memchr(a->val, '\0', a->len))
        return -1;
    memcpy(dst, a->val, a->len);
    dst[a->len] = '\0';
    return 0;
}

static int int_attr(const struct radius_packet *pkt, uint8_t type, uint32_t *v)
{
    const struct radius_attr *a = radius_find(pkt, type);

    if (!a)
        return 0;
    if (a->len != 4)
        return -1;
    *v = be32(a->val);
    return 1;
}

/* Summarises an Access-Request: User-Name, NAS-IP-Address or
 * NAS-Identifier (at least one), NAS-Port and the optional fields. */
int radius_request_summary(const struct radius_packet *pkt, struct radius_summary *s)
{
    const struct radius_attr *a;
    int has_ip;

    memset(s, 0, sizeof(*s));
    if (pkt->code != RADIUS_ACCESS_REQUEST)
        return -1;
    if (!(a = radius_find(pkt, RADIUS_USER_NAME)) || copy_text(a, s->user, sizeof(s->user)) < 0)
        return -1;
    if ((has_ip = int_attr(pkt, RADIUS_NAS_IP_ADDRESS, &s->nas_ip)) < 0)
        return -1;
    a = radius_find(pkt, RADIUS_NAS_IDENTIFIER);
    if (a && copy_text(a, s->nas_id, sizeof(s->nas_id)) < 0)
        return -1;
    if (!has_ip && !a)
        return -1;
    a = radius_find(pkt, RADIUS_NAS_PORT);
    if (!a || a->len != 4)
        return -1;
    s->nas_port = be32(a->val);
    if (int_attr(pkt, RADIUS_NAS_PORT_TYPE, &s->port_type) < 0 ||
        int_attr(pkt, RADIUS_SERVICE_TYPE, &s->service_type) < 0)
        return -1;
    return 0;
}
