#include CASE
#include <stdio.h>
int main(void)
{
    struct http_msg m;
    static const char small[] = "hello";
    msg_init(&m, 200);
    printf("rc=%d\n", msg_set_body(&m, small, 5, "text/plain"));
    printf("rc=%d\n", msg_set_body(&m, small, MSG_BODY_MAX + 1, "text/plain"));
    msg_clear(&m);
    return 0;
}
