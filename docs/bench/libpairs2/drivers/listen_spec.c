#include CASE
#include <stdio.h>
int main(void)
{
    struct listen_addr la;
    printf("rc=%d\n", parse_listen("127.0.0.1:9000", &la));
    printf("rc=%d\n", parse_listen("0.0.0.0:http", &la));
    return 0;
}
