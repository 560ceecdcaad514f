#include CASE
#include <stdio.h>
int main(void)
{
    struct user u = {0};
    printf("rc=%d\n", passwd_parse_line("root:x:0:0:root:/root:/bin/sh", &u));
    user_release(&u);
    printf("rc=%d\n", passwd_parse_line("svc:x:-1:0::/var/svc:/bin/false", &u));
    user_release(&u);
    return 0;
}
