#include CASE
#include <stdio.h>
int main(void)
{
    struct element el = {0};
    char big[200];
    memset(big, 'v', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    element_set_attr(&el, "id", "n1");
    printf("rc=%d\n", element_set_attr(&el, "xmlns:svg", big));
    printf("ns=%zu\n", element_ns_decls(&el));
    element_clear(&el);
    return 0;
}
