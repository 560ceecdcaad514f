#include CASE
#include <stdio.h>
int main(void)
{
    struct ip6_addr a;
    char out[64];
    const char *ok = "2001:db8::1";
    const char *nine = "1:2:3:4:5:6:7:8:9";
    if (ip6_parse(&a, ok, strlen(ok)) == 0 && ip6_format(&a, out, sizeof(out)) > 0)
        printf("%s\n", out);
    printf("rc=%d\n", ip6_parse(&a, nine, strlen(nine)));
    return 0;
}
