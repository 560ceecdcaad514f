/* DHCPv4 message parser (RFC 2131 header, RFC 2132 options). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>

#define BOOTP_FIXED_LEN 236
#define DHCP_MAGIC_COOKIE 0x63825363u
#define DHCP_MIN_LEN (BOOTP_FIXED_LEN + 4)

enum {
    OPT_PAD = 0,
    OPT_SUBNET_MASK = 1,
    OPT_ROUTER = 3,
    OPT_DNS = 6,
    OPT_HOSTNAME = 12,
    OPT_REQUESTED_IP = 50,
    OPT_LEASE_TIME = 51,
    OPT_MSG_TYPE = 53,
    OPT_SERVER_ID = 54,
    OPT_PARAM_LIST = 55,
    OPT_RENEWAL_TIME = 58,
    OPT_END = 255
};

#define DHCP_MAX_DNS 4
#define DHCP_MAX_PARAMS 32

struct dhcp_msg {
    uint8_t op;
    uint8_t htype;
    uint8_t hlen;
    uint32_t xid;
    struct in_addr ciaddr, yiaddr, siaddr;
    uint8_t chaddr[16];
    uint8_t msg_type;
    struct in_addr subnet_mask, router, server_id, requested_ip;
    uint32_t lease_time;
    uint32_t renewal_time;
    struct in_addr dns[DHCP_MAX_DNS];
    unsigned ndns;
    char hostname[64];
    uint8_t params[DHCP_MAX_PARAMS];
    unsigned nparams;
};

static int opt_addr(const uint8_t *p, size_t olen, struct in_addr *a)
{
    if (olen < 4)
        return -1;
    memcpy(&a->s_addr, p, 4);
    return 0;
}

static int opt_seconds(const uint8_t *p, size_t olen, uint32_t *v)
{
    uint32_t be;

    if (olen != 4)
        return -1;
    memcpy(&be, p, 4);
    *v = ntohl(be);
    return 0;
}

static int parse_option(struct dhcp_msg *m, uint8_t code, const uint8_t *p, size_t olen)
{
    size_t k;

    switch (code) {
    case OPT_MSG_TYPE:
        if (olen != 1)
            return -1;
        m->msg_type = p[0];
        return 0;
    case OPT_SUBNET_MASK:
        return opt_addr(p, olen, &m->subnet_mask);
    case OPT_ROUTER:
        return opt_addr(p, olen, &m->router);
    case OPT_SERVER_ID:
        return opt_addr(p, olen, &m->server_id);
    case OPT_REQUESTED_IP:
        if (olen != 4)
            return -1;
        memcpy(&m->requested_ip.s_addr, p, 4);
        return 0;
    case OPT_LEASE_TIME:
        return opt_seconds(p, olen, &m->lease_time);
    case OPT_RENEWAL_TIME:
        return opt_seconds(p, olen, &m->renewal_time);
    case OPT_DNS:
        for (k = 0; k + 4 <= olen && m->ndns < DHCP_MAX_DNS; k += 4)
            memcpy(&m->dns[m->ndns++].s_addr, p + k, 4);
        return 0;
    case OPT_HOSTNAME:
        if (olen == 0 || olen >= sizeof(m->hostname))
            return -1;
        memcpy(m->hostname, p, olen);
        m->hostname[olen] = '\0';
        return 0;
    case OPT_PARAM_LIST:
        for (k = 0; k < olen && m->nparams < DHCP_MAX_PARAMS; k++)
            m->params[m->nparams++] = p[k];
        return 0;
    default:
        return 0;
    }
}

int dhcp_parse(const uint8_t *buf, size_t len, struct dhcp_msg *m)
{
    uint32_t cookie;
    size_t i, olen;
    uint8_t code;

    memset(m, 0, sizeof(*m));
    if (len < DHCP_MIN_LEN)
        return -1;
    m->op = buf[0];
    m->htype = buf[1];
    m->hlen = buf[2];
    if (m->hlen > sizeof(m->chaddr))
        return -1;
    memcpy(&m->xid, buf + 4, 4);
    m->xid = ntohl(m->xid);
    memcpy(&m->ciaddr.s_addr, buf + 12, 4);
    memcpy(&m->yiaddr.s_addr, buf + 16, 4);
    memcpy(&m->siaddr.s_addr, buf + 20, 4);
    memcpy(m->chaddr, buf + 28, m->hlen);
    memcpy(&cookie, buf + BOOTP_FIXED_LEN, 4);
    if (ntohl(cookie) != DHCP_MAGIC_COOKIE)
        return -1;
    for (i = DHCP_MIN_LEN; i < len;) {
        code = buf[i++];
        if (code == OPT_PAD)
            continue;
        if (code == OPT_END)
            return m->msg_type ? 0 : -1;
        if (i >= len)
            return -1;
        olen = buf[i++];
        if (olen > len - i)
            return -1;
        if (parse_option(m, code, buf + i, olen) < 0)
            return -1;
        i += olen;
    }
    return m->msg_type ? 0 : -1;
}

int dhcp_wants_param(const struct dhcp_msg *m, uint8_t code)
{
    unsigned k;

    for (k = 0; k < m->nparams; k++)
        if (m->params[k] == code)
            return 1;
    return 0;
}
