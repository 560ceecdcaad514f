#include CASE
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    uint8_t *buf = calloc(1, 40);
    struct ipv4_pkt p;
    buf[0] = 0x4F; buf[3] = 40; buf[9] = 17;
    if (ipv4_parse(buf, 40, &p) == 0)
        printf("sum=%04x\n", ipv4_payload_checksum(&p));
    else
        printf("rejected\n");
    free(buf);
    return 0;
}
