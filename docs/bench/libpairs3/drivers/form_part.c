#include CASE
#include <stdio.h>
int main(void)
{
    const char *hdr = "Content-Disposition: form-data; name=\"upload\"; filename=\"a.txt\"\r\n"
                      "X-Trailing-Garbage\r\n";
    struct form_part p;
    printf("rc=%d\n", form_part_parse(&p, hdr, strlen(hdr)));
    form_part_clear(&p);
    return 0;
}
