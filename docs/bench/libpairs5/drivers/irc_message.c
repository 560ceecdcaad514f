#include CASE
#include <stdio.h>

int main(void)
{
    const char *line = ":srv.example.net 005 nick A B C D E F G H I J K L M N :are supported\r\n";
    struct irc_msg m;

    if (irc_parse(line, strlen(line), &m) == 0) {
        printf("params: %u\n", m.nparams);
        irc_msg_clear(&m);
    } else {
        puts("rejected");
    }
    return 0;
}
