/* Drives http_accept: an Accept header with a q parameter after "; ". */
#include CASE
#include <stdio.h>

int main(void)
{
    const char *hdr = "text/html; q=0.5, application/json";
    const char *offers[] = { "text/html", "application/json" };
    struct accept_list *l = accept_parse(hdr, strlen(hdr));

    if (l) {
        printf("best %d\n", accept_best(l, offers, 2));
        accept_free(l);
    }
    return 0;
}
