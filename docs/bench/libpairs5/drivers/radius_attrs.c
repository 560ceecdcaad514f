#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static const uint8_t pkt[] = {
        1, 42, 0, 35,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        RADIUS_USER_NAME, 7, 'a', 'l', 'i', 'c', 'e',
        RADIUS_NAS_IP_ADDRESS, 6, 192, 0, 2, 1,
        RADIUS_NAS_PORT_TYPE, 2
    };
    uint8_t *b = malloc(sizeof(pkt));
    struct radius_packet p;
    struct radius_summary s;

    memcpy(b, pkt, sizeof(pkt));
    if (radius_parse(b, sizeof(pkt), &p) == 0)
        printf("summary: %d\n", radius_request_summary(&p, &s));
    else
        puts("rejected");
    free(b);
    return 0;
}
