/* Driver: a CONNECT packet (clean session, no will, no credentials) whose
 * last field is the client identifier "sensor42". */
#include <stdio.h>
#include <stdlib.h>
#include CASE

int main(void)
{
    static const uint8_t pkt[] = {
        0x10, 20, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3c,
        0x00, 0x08, 's', 'e', 'n', 's', 'o', 'r', '4', '2',
    };
    uint8_t *buf = malloc(sizeof(pkt)), ack[4];
    struct mqtt_connect c;
    char id[32];
    int r;

    memcpy(buf, pkt, sizeof(pkt));
    r = mqtt_parse_connect(&c, buf, sizeof(pkt));
    mqtt_connack(ack, 0, r);
    mqtt_str_copy(&c.client_id, id, sizeof(id));
    printf("result=%d ack=%02x id=%s keepalive=%u\n", r, ack[3], id, c.keepalive);
    free(buf);
    return 0;
}
