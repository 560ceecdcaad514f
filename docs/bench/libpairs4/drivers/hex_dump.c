/* Driver: dumps a 20-byte message (one full line and a partial one). */
#include <stdio.h>
#include <string.h>
#include CASE

int main(void)
{
    const char *msg = "GET / HTTP/1.1\r\nHost";
    char *dump = hd_format(msg, strlen(msg));
    char compact[64];
    uint8_t back[32];

    if (!dump)
        return 2;
    fputs(dump, stdout);
    hd_compact(msg, 5, compact, sizeof(compact));
    printf("compact=%s parsed=%ld lines=%zu\n", compact, hd_parse("de:ad be ef", back, sizeof(back)),
           hd_line_count(strlen(msg)));
    free(dump);
    return 0;
}
