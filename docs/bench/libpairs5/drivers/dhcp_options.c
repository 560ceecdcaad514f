#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    size_t len = DHCP_MIN_LEN + 6;
    uint8_t *b = calloc(1, len);
    struct dhcp_msg m;
    uint32_t c = htonl(DHCP_MAGIC_COOKIE);

    b[0] = 1; b[1] = 1; b[2] = 6;
    memcpy(b + BOOTP_FIXED_LEN, &c, 4);
    b[240] = OPT_MSG_TYPE; b[241] = 1; b[242] = 3;   /* DHCPREQUEST */
    b[243] = OPT_REQUESTED_IP; b[244] = 1; b[245] = 10;  /* last option, one byte */
    printf("parse: %d\n", dhcp_parse(b, len, &m));
    free(b);
    return 0;
}
