/* Modbus/TCP client side: builds read requests and decodes the matching
 * responses (coils, discrete inputs, holding and input registers). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MB_MBAP_LEN 7
#define MB_FC_READ_COILS 1
#define MB_FC_READ_DISCRETE 2
#define MB_FC_READ_HOLDING 3
#define MB_FC_READ_INPUT 4
#define MB_MAX_BITS 2000
#define MB_MAX_REGS 125

struct mb_client {
    uint16_t txid;
    uint8_t unit;
    uint8_t fc;
    uint16_t start;
    uint16_t quantity;
    uint8_t *bits;
    uint16_t *regs;
    uint8_t exception;
};

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

void mb_client_init(struct mb_client *c, uint8_t unit)
{
    memset(c, 0, sizeof(*c));
    c->unit = unit;
}

void mb_client_reset(struct mb_client *c)
{
    free(c->bits);
    free(c->regs);
    c->bits = NULL;
    c->regs = NULL;
    c->fc = 0;
    c->quantity = 0;
}

/* Writes a read request into out (12 bytes) and prepares the result
 * storage; returns the request length or -1. */
int mb_build_read(struct mb_client *c, uint8_t fc, uint16_t start, uint16_t qty,
                  uint8_t *out, size_t cap)
{
    int is_bits = fc == MB_FC_READ_COILS || fc == MB_FC_READ_DISCRETE;

    if (cap < 12 || qty == 0)
        return -1;
    if (!is_bits && fc != MB_FC_READ_HOLDING && fc != MB_FC_READ_INPUT)
        return -1;
    if (qty > (is_bits ? MB_MAX_BITS : MB_MAX_REGS))
        return -1;
    mb_client_reset(c);
    if (is_bits)
        c->bits = calloc(qty, 1);
    else
        c->regs = calloc(qty, sizeof(*c->regs));
    if (!c->bits && !c->regs)
        return -1;
    c->txid++;
    c->fc = fc;
    c->start = start;
    c->quantity = qty;
    put16(out, c->txid);
    put16(out + 2, 0);
    put16(out + 4, 6);
    out[6] = c->unit;
    out[7] = fc;
    put16(out + 8, start);
    put16(out + 10, qty);
    return 12;
}

static int unpack_bits(struct mb_client *c, const uint8_t *data, unsigned count)
{
    unsigned i;

    if (count * 8 < c->quantity)
        return -1;
    for (i = 0; i < c->quantity; i++)
        c->bits[i] = (data[i / 8] >> (i % 8)) & 1;
    return 0;
}

static int unpack_regs(struct mb_client *c, const uint8_t *data, unsigned count)
{
    unsigned i;

    if (count != 2u * c->quantity)
        return -1;
    for (i = 0; i < c->quantity; i++)
        c->regs[i] = be16(data + 2 * i);
    return 0;
}

/* Decodes one response frame. Returns 0 with the values stored, 1 for an
 * exception response (code in c->exception), -1 for a malformed frame. */
int mb_parse_response(struct mb_client *c, const uint8_t *buf, size_t len)
{
    size_t plen;
    unsigned count;
    uint8_t fc;

    if (len < MB_MBAP_LEN + 2 || c->fc == 0)
        return -1;
    if (be16(buf) != c->txid || be16(buf + 2) != 0 || buf[6] != c->unit)
        return -1;
    plen = be16(buf + 4);
    if (plen < 2 || plen - 1 > len - MB_MBAP_LEN)
        return -1;
    fc = buf[7];
    if (fc == (c->fc | 0x80)) {
        c->exception = buf[8];
        return 1;
    }
    if (fc != c->fc)
        return -1;
    count = buf[8];
    if (count + 2 != plen - 1)
        return -1;
    if (c->fc == MB_FC_READ_COILS || c->fc == MB_FC_READ_DISCRETE)
        return unpack_bits(c, buf + 9, count);
    return unpack_regs(c, buf + 9, count);
}

int mb_bit(const struct mb_client *c, unsigned i)
{
    return c->bits && i < c->quantity ? c->bits[i] : -1;
}

int mb_reg(const struct mb_client *c, unsigned i)
{
    return c->regs && i < c->quantity ? c->regs[i] : -1;
}
