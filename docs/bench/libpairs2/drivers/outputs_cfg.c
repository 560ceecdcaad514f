#include CASE
#include <stdio.h>
int main(void)
{
    struct outputs_cfg c;
    outputs_init(&c);
    printf("rc=%d\n", outputs_set_line(&c, "output.1 = /dev/ttyS1"));
    printf("rc=%d\n", outputs_set_line(&c, "output.-1 = /dev/ttyS0"));
    outputs_free(&c);
    return 0;
}
