#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Control channel codec for a device agent.  Each datagram is
 *   type:u8 flags:u8 seq:u16be body...
 * Decoded messages are dispatched to the session; messages with the ACK
 * flag set must be acknowledged by the caller.
 */

enum { CTRL_HELLO = 1, CTRL_SET = 2, CTRL_PING = 3, CTRL_BYE = 4 };

#define CTRL_F_ACK 0x01
#define CTRL_F_URGENT 0x02

struct ctrl_msg {
    uint8_t type;
    uint8_t flags;
    uint16_t seq;
    uint32_t key;
    uint32_t value;
    char name[24];
};

struct ctrl_session {
    int greeted;
    char peer[24];
    uint32_t settings[16];
    uint16_t last_seq;
    unsigned acks_due;
    unsigned urgent;
    unsigned pings;
};

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

struct ctrl_msg *ctrl_decode(const uint8_t *p, size_t len)
{
    struct ctrl_msg *m;
    uint8_t hdr_flags;

    if (len < 4)
        return NULL;
    m = malloc(sizeof(*m));
    if (!m)
        return NULL;
    m->type = p[0];
    m->seq = (uint16_t)((p[2] << 8) | p[3]);
    hdr_flags = p[1];
    p += 4;
    len -= 4;

    switch (m->type) {
    case CTRL_HELLO:
        if (len == 0 || len >= sizeof(m->name))
            goto reject;
        m->flags = hdr_flags;
        memcpy(m->name, p, len);
        m->name[len] = '\0';
        break;
    case CTRL_SET:
        if (len != 8)
            goto reject;
        m->flags = hdr_flags;
        m->key = be32(p);
        m->value = be32(p + 4);
        break;
    case CTRL_PING:
        if (len != 0)
            goto reject;
        m->flags = hdr_flags;
        break;
    case CTRL_BYE:
        m->flags = 0;
        break;
    default:
        goto reject;
    }
    return m;
reject:
    free(m);
    return NULL;
}

/* Returns 1 if the session should be closed, 0 otherwise, -1 on a malformed message. */
int ctrl_dispatch(struct ctrl_session *s, const uint8_t *p, size_t len)
{
    struct ctrl_msg *m = ctrl_decode(p, len);
    int rc = 0;

    if (!m)
        return -1;
    if (m->type != CTRL_HELLO && !s->greeted) {
        free(m);
        return -1;
    }
    s->last_seq = m->seq;
    if (m->flags & CTRL_F_ACK)
        s->acks_due++;
    if (m->flags & CTRL_F_URGENT)
        s->urgent++;

    switch (m->type) {
    case CTRL_HELLO:
        strcpy(s->peer, m->name);
        s->greeted = 1;
        break;
    case CTRL_SET:
        if (m->key >= sizeof(s->settings) / sizeof(s->settings[0]))
            rc = -1;
        else
            s->settings[m->key] = m->value;
        break;
    case CTRL_PING:
        s->pings++;
        break;
    case CTRL_BYE:
        rc = 1;
        break;
    }
    free(m);
    return rc;
}
