#include CASE
#include <stdio.h>
int main(void)
{
    static const uint8_t hello[] = { CTRL_HELLO, 0, 0, 1, 'd', 'e', 'v', '1' };
    static const uint8_t ping[] = { CTRL_PING, CTRL_F_ACK, 0, 2 };
    struct ctrl_session s = {0};
    printf("rc=%d\n", ctrl_dispatch(&s, hello, sizeof(hello)));
    printf("rc=%d\n", ctrl_dispatch(&s, ping, sizeof(ping)));
    printf("acks=%u pings=%u\n", s.acks_due, s.pings);
    return 0;
}
