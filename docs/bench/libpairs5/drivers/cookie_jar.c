#include CASE
#include <stdio.h>

int main(void)
{
    const char *h = "sid=31d4d96e407aad42; Path=/; Domain; Secure; HttpOnly";
    struct cookie c;

    printf("parse: %d\n", cookie_parse(h, strlen(h), "www.example.com", &c));
    return 0;
}
