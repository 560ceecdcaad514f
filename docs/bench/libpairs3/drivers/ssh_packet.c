#include CASE
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    /* packet_length 12 with padding_length 200, payload type SSH_MSG_DEBUG */
    static const uint8_t pkt[] = { 0, 0, 0, 12, 200, SSH_MSG_DEBUG, 1, 0, 0, 0, 64, 'h', 'i', 0, 0, 0 };
    uint8_t *buf = malloc(sizeof(pkt));
    struct ssh_transport t = {0};
    memcpy(buf, pkt, sizeof(pkt));
    printf("rc=%ld\n", ssh_recv_packet(&t, buf, sizeof(pkt)));
    free(buf);
    return 0;
}
