#include CASE
#include <stdio.h>
int main(void)
{
    struct contact *c = contact_parse("bob;bob@example.org;555");
    printf("ok=%p\n", (void *)c);
    contact_free(c);
    c = contact_parse("bob;not-an-address;555");
    printf("bad=%p\n", (void *)c);
    return 0;
}
