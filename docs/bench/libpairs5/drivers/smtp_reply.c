#include CASE
#include <stdio.h>

int main(void)
{
    const char *in = "250-mx.example.org greets you\r\n250-PIPELINING\r\n"
                     "250-SIZE 1234567890123456789012345678\r\n250 8BITMIME\r\n";
    struct smtp_reply r;
    struct smtp_ext e;
    long n = smtp_parse_reply(in, strlen(in), &r);

    printf("consumed %ld code %d lines %u\n", n, r.code, r.nlines);
    if (n > 0)
        printf("ext: %d flags %x\n", smtp_ehlo_extensions(&r, &e), e.flags);
    return 0;
}
