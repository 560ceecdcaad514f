#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define DNS_HDR_LEN 12

struct dns_question {
    uint16_t id;
    char *name;
    uint16_t qtype;
    uint16_t qclass;
};

static uint16_t rd_be16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

static int read_name(const uint8_t *msg, size_t len, size_t *off, char **out)
{
    char tmp[256];
    size_t olen = 0;
    size_t pos = *off;

    for (;;) {
        uint8_t lab;

        if (pos >= len)
            return -1;
        lab = msg[pos++];
        if (lab == 0)
            break;
        if (lab & 0xC0)
            return -1;
        if (lab > len - pos)
            return -1;
        if (olen + lab + 1 >= sizeof(tmp))
            return -1;
        memcpy(tmp + olen, msg + pos, lab);
        olen += lab;
        tmp[olen++] = '.';
        pos += lab;
    }
    tmp[olen] = '\0';
    *out = strdup(olen ? tmp : ".");
    if (!*out)
        return -1;
    *off = pos;
    return 0;
}

int dns_parse_question(const uint8_t *msg, size_t len, struct dns_question *q)
{
    size_t off = DNS_HDR_LEN;
    uint16_t flags, qdcount;

    if (len < DNS_HDR_LEN)
        return -1;
    q->id = rd_be16(msg);
    flags = rd_be16(msg + 2);
    qdcount = rd_be16(msg + 4);
    if ((flags & 0x8000) || qdcount != 1)
        return -1;
    if (read_name(msg, len, &off, &q->name) < 0)
        return -1;
    if (len - off < 4) {
        free(q->name);
        q->name = NULL;
        return -1;
    }
    q->qtype = rd_be16(msg + off);
    q->qclass = rd_be16(msg + off + 2);
    return 0;
}

void dns_question_clear(struct dns_question *q)
{
    free(q->name);
    q->name = NULL;
}
