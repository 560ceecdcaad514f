/* Telnet (RFC 854/855) receive-side parser: strips IAC sequences from
 * the data stream, answers option negotiation and collects
 * subnegotiations (NAWS, TERMINAL-TYPE). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define T_IAC 255
#define T_DONT 254
#define T_DO 253
#define T_WONT 252
#define T_WILL 251
#define T_SB 250
#define T_SE 240
#define OPT_TTYPE 24
#define OPT_NAWS 31
#define SB_DEFAULT_CAP 64

enum tn_state { TS_DATA, TS_IAC, TS_OPT, TS_SB, TS_SB_IAC };

struct telnet {
    enum tn_state state;
    uint8_t verb;
    uint8_t *sb;
    size_t sb_len, sb_cap;
    int sb_truncated;
    uint8_t remote_on[256];
    unsigned width, height;
    char ttype[41];
    uint8_t reply[96];
    size_t reply_len;
};

struct telnet *telnet_new(void)
{
    struct telnet *t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    t->sb_cap = SB_DEFAULT_CAP;
    t->sb = malloc(t->sb_cap);
    if (!t->sb) {
        free(t);
        return NULL;
    }
    return t;
}

void telnet_free(struct telnet *t)
{
    if (!t)
        return;
    free(t->sb);
    free(t);
}

static void queue_reply(struct telnet *t, uint8_t verb, uint8_t opt)
{
    if (t->reply_len + 3 > sizeof(t->reply))
        return;
    t->reply[t->reply_len++] = T_IAC;
    t->reply[t->reply_len++] = verb;
    t->reply[t->reply_len++] = opt;
}

static void negotiate(struct telnet *t, uint8_t opt)
{
    int wanted = opt == OPT_NAWS || opt == OPT_TTYPE;

    if (t->verb == T_WILL && !t->remote_on[opt]) {
        t->remote_on[opt] = (uint8_t)wanted;
        queue_reply(t, wanted ? T_DO : T_DONT, opt);
    } else if (t->verb == T_WONT && t->remote_on[opt]) {
        t->remote_on[opt] = 0;
        queue_reply(t, T_DONT, opt);
    } else if (t->verb == T_DO || t->verb == T_DONT) {
        queue_reply(t, T_WONT, opt);
    }
}

static void finish_sb(struct telnet *t)
{
    size_t n;

    if (t->sb_len == 0 || t->sb_truncated)
        return;
    if (t->sb[0] == OPT_NAWS && t->sb_len == 5) {
        t->width = (unsigned)t->sb[1] << 8 | t->sb[2];
        t->height = (unsigned)t->sb[3] << 8 | t->sb[4];
    } else if (t->sb[0] == OPT_TTYPE && t->sb_len >= 2 && t->sb[1] == 0) {
        n = t->sb_len - 2;
        if (n >= sizeof(t->ttype))
            n = sizeof(t->ttype) - 1;
        memcpy(t->ttype, t->sb + 2, n);
        t->ttype[n] = '\0';
    }
}

/* Consumes len received bytes; application data is copied to out (at
 * most cap bytes). Returns the number of data bytes stored. */
size_t telnet_recv(struct telnet *t, const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    size_t i, o = 0;
    uint8_t c;

    for (i = 0; i < len; i++) {
        c = in[i];
        switch (t->state) {
        case TS_DATA:
            if (c == T_IAC)
                t->state = TS_IAC;
            else if (o < cap)
                out[o++] = c;
            break;
        case TS_IAC:
            if (c == T_IAC) {
                if (o < cap)
                    out[o++] = c;
                t->state = TS_DATA;
            } else if (c >= T_WILL) {
                t->verb = c;
                t->state = TS_OPT;
            } else if (c == T_SB) {
                t->sb_len = 0;
                t->sb_truncated = 0;
                t->state = TS_SB;
            } else {
                t->state = TS_DATA;
            }
            break;
        case TS_OPT:
            negotiate(t, c);
            t->state = TS_DATA;
            break;
        case TS_SB:
            if (c == T_IAC)
                t->state = TS_SB_IAC;
            else if (t->sb_len < t->sb_cap)
                t->sb[t->sb_len++] = c;
            else
                t->sb_truncated = 1;
            break;
        case TS_SB_IAC:
            if (c == T_SE) {
                finish_sb(t);
                t->state = TS_DATA;
            } else if (c == T_IAC) {
                if (t->sb_len < t->sb_cap)
                    t->sb[t->sb_len++] = c;
                else
                    t->sb_truncated = 1;
                t->state = TS_SB;
            } else {
                t->state = TS_DATA;
            }
            break;
        }
    }
    return o;
}

size_t telnet_pending_reply(struct telnet *t, uint8_t *buf, size_t cap)
{
    size_t n = t->reply_len < cap ? t->reply_len : cap;

    memcpy(buf, t->reply, n);
    memmove(t->reply, t->reply + n, t->reply_len - n);
    t->reply_len -= n;
    return n;
}
