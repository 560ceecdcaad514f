#include CASE
#include <stdio.h>
int main(void)
{
    struct conf c = {0};
    char l1[] = "port = 80  # http", l2[] = "verbose";
    printf("rc=%d\n", conf_parse_line(&c, l1));
    printf("rc=%d\n", conf_parse_line(&c, l2));
    conf_clear(&c);
    return 0;
}
