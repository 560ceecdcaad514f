#include CASE
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    struct mqtt_session s = {0};
    uint8_t *pkt = malloc(2);
    pkt[0] = 0xF0; pkt[1] = 0x00;
    printf("rc=%d\n", mqtt_handle_packet(&s, pkt, 2));
    free(pkt);
    return 0;
}
