#include <stddef.h>
#include <stdint.h>

struct ipv4_info {
    uint8_t proto;
    uint32_t src;
    uint32_t dst;
    const uint8_t *payload;
    size_t payload_len;
};

static uint32_t rd32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static int ipv4_parse(const uint8_t *pkt, size_t n, struct ipv4_info *info)
{
    size_t ihl, tot_len;

    if (n < 20 || (pkt[0] >> 4) != 4)
        return -1;
    ihl = (size_t)(pkt[0] & 0x0f) * 4;
    if (ihl < 20 || ihl > n)
        return -1;
    tot_len = ((size_t)pkt[2] << 8) | pkt[3];
    if (tot_len > n)
        return -1;
    info->proto = pkt[9];
    info->src = rd32(pkt + 12);
    info->dst = rd32(pkt + 16);
    info->payload = pkt + ihl;
    info->payload_len = tot_len - ihl;  // expect-warning: CWE-191
    return 0;
}

/* Ones'-complement sum over the transport payload, as used by UDP/TCP checksums. */
int ipv4_payload_sum(const uint8_t *pkt, size_t n, uint16_t *sum)
{
    struct ipv4_info in;
    uint32_t acc = 0;
    size_t i;

    if (ipv4_parse(pkt, n, &in) < 0)
        return -1;
    for (i = 0; i + 1 < in.payload_len; i += 2)
        acc += ((uint32_t)in.payload[i] << 8) | in.payload[i + 1];
    if (in.payload_len & 1)
        acc += (uint32_t)in.payload[in.payload_len - 1] << 8;
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    *sum = (uint16_t)acc;
    return 0;
}
