#include CASE
#include <stdio.h>

int main(void)
{
    uint8_t b[NTP_HDR_LEN] = { 0 };
    uint64_t sent = 0xe9a1b2c3d4e5f607ull;
    struct ntp_packet *p;
    int i;

    b[0] = (0 << 6) | (4 << 3) | NTP_MODE_SERVER;
    b[1] = 2;
    for (i = 0; i < 8; i++) {
        b[24 + i] = (uint8_t)(sent >> (56 - 8 * i));
        b[40 + i] = (uint8_t)(i + 1);
    }
    if (!(p = ntp_decode(b, sizeof(b))))
        return 1;
    printf("reply: %d\n", ntp_check_reply(p, sent, 1));
    ntp_free(p);
    return 0;
}
