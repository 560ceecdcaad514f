#include <stdint.h>
#include <stddef.h>

struct ipv4_pkt {
    uint8_t version;
    size_t hdr_len;
    uint16_t total_len;
    uint8_t proto;
    const uint8_t *payload;
    size_t payload_len;
};

static uint16_t rd_be16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

int ipv4_parse(const uint8_t *buf, size_t len, struct ipv4_pkt *p)
{
    if (len < 20)
        return -1;
    p->version = buf[0] >> 4;
    p->hdr_len = (size_t)(buf[0] & 0x0F) * 4;
    p->total_len = rd_be16(buf + 2);
    p->proto = buf[9];
    if (p->version != 4 || p->hdr_len < 20)
        return -1;
    if (p->total_len > len || p->total_len < p->hdr_len)
        return -1;
    p->payload = buf + p->hdr_len;
    p->payload_len = p->total_len - p->hdr_len;
    return 0;
}

uint16_t ipv4_payload_checksum(const struct ipv4_pkt *p)
{
    uint32_t sum = 0;
    size_t i;

    for (i = 0; i + 1 < p->payload_len; i += 2)
        sum += (uint32_t)((p->payload[i] << 8) | p->payload[i + 1]);
    if (p->payload_len & 1)
        sum += (uint32_t)(p->payload[p->payload_len - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}

int ipv4_is_udp(const struct ipv4_pkt *p)
{
    return p->proto == 17 && p->payload_len >= 8;
}
