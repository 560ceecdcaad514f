/* Driver: a packet with a one-byte-header extension that declares two
 * 32-bit words while only 3 extension bytes are present. */
#include <stdio.h>
#include <stdlib.h>
#include CASE

int main(void)
{
    static const uint8_t pkt[] = { 0x90, 0x60, 0x12, 0x34, 0x00, 0x00, 0x10, 0x00,
                                   0xde, 0xad, 0xbe, 0xef, 0xbe, 0xde, 0x00, 0x02,
                                   0x11, 0x30, 0x31 };
    uint8_t *d = malloc(sizeof(pkt)), elen = 0;
    struct rtp_packet p;
    int r;

    memcpy(d, pkt, sizeof(pkt));
    r = rtp_parse(&p, d, sizeof(pkt));
    printf("parse=%d seq=%u level=%s delta=%d\n", r, p.seq,
           r == 0 && rtp_ext_get(&p, 1, &elen) ? "present" : "absent", rtp_seq_delta(0xfffe, 3));
    free(d);
    return 0;
}
