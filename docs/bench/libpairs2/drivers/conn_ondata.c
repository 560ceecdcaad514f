#include CASE
#include <stdio.h>
int main(void)
{
    struct server s = {0};
    struct conn *c = server_accept(&s, 3);
    printf("rc=%d\n", server_on_data(&s, c, (const uint8_t *)"PING\n", 5, 100));
    printf("rc=%d\n", server_on_data(&s, c, (const uint8_t *)"BOGUS\n", 6, 101));
    printf("conns=%zu\n", s.nconns);
    return 0;
}
