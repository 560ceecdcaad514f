#include CASE
#include <stdio.h>

static void le32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }

int main(void)
{
    size_t len = PCAP_GHDR_LEN + PCAP_RHDR_LEN + 100;
    uint8_t *b = calloc(1, len);
    struct pcap_reader r;
    struct pcap_record rec;

    le32(b, PCAP_MAGIC_USEC); b[4] = 2; b[6] = 4;
    le32(b + 16, 64);                     /* snaplen 64 */
    le32(b + 20, 1);
    le32(b + 24, 1700000000); le32(b + 28, 5);
    le32(b + 32, 100); le32(b + 36, 100); /* 100 captured bytes */
    if (pcap_open(&r, b, len) < 0) { puts("rejected"); free(b); return 0; }
    printf("next: %d\n", pcap_next(&r, &rec));
    pcap_close(&r);
    free(b);
    return 0;
}
