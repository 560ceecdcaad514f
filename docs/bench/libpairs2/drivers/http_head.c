#include CASE
#include <stdio.h>
int main(void)
{
    struct http_request *r = http_parse_head("GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n");
    printf("r=%p\n", (void *)r);
    if (r)
        printf("body=%d\n", http_expects_body(r) ? 1 : 0);
    free(r);
    return 0;
}
