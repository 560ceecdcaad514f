#include CASE
#include <stdio.h>

int main(void)
{
    const char *hdr = "\"Alice Example\" <alice@Example.org>, bob@example.net";
    struct addr_list to, cc;

    if (addr_list_parse(hdr, strlen(hdr), &to) < 0)
        return 1;
    if (addr_list_copy(&cc, &to) == 0) {
        printf("copied %zu, bob: %s\n", cc.n, addr_list_find(&cc, "bob", "example.net") ? "yes" : "no");
        addr_list_free(&cc);
    }
    addr_list_free(&to);
    return 0;
}
