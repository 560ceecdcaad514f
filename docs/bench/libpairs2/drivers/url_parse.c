#include CASE
#include <stdio.h>
int main(void)
{
    struct url u;
    printf("rc=%d\n", url_parse("http://example.com:8080/a/b", &u));
    url_release(&u);
    printf("rc=%d\n", url_parse("https://example.com", &u));
    printf("path=%s port=%u\n", u.path, u.port);
    url_release(&u);
    return 0;
}
