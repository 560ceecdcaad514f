#include CASE
#include <stdio.h>
int main(void)
{
    const char *partial = "*2\r\n$3";   /* rest of the command not received yet */
    struct resp_command cmd;
    int rc = resp_parse_command(&cmd, partial, strlen(partial));
    printf("rc=%d argc=%d\n", rc, cmd.argc);
    return 0;
}
