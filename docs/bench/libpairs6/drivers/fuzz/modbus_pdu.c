/* libFuzzer harness for modbus_pdu: function code and quantity from the
 * input, then the rest as the response (transaction id and unit patched to
 * match the request so the payload is reached). */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct mb_client c;
    uint8_t req[12], *rsp;
    unsigned i;

    if (n < 4)
        return 0;
    mb_client_init(&c, 17);
    if (mb_build_read(&c, (uint8_t)(1 + d[0] % 4), 0, (uint16_t)(d[1] | d[2] << 8), req, sizeof(req)) < 0)
        return 0;
    n -= 3;
    rsp = malloc(n);
    memcpy(rsp, d + 3, n);
    if (n >= 7 && !(d[0] & 0x80)) {
        rsp[0] = req[0];
        rsp[1] = req[1];
        rsp[2] = rsp[3] = 0;
        rsp[6] = 17;
    }
    mb_parse_response(&c, rsp, n);
    for (i = 0; i < 8; i++) {
        mb_bit(&c, i);
        mb_reg(&c, i);
    }
    mb_client_reset(&c);
    free(rsp);
    return 0;
}
