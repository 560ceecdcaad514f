#include CASE
#include <stdio.h>
int main(void)
{
    uint8_t msg[12 + 4 * 64 + 1 + 4] = {0};
    struct dns_question q = {0};
    size_t off = 12, i;
    msg[5] = 1;
    for (i = 0; i < 4; i++) {
        msg[off++] = 63;
        memset(msg + off, 'a', 63);
        off += 63;
    }
    msg[off++] = 0;
    msg[off + 1] = 1; msg[off + 3] = 1;
    printf("rc=%d\n", dns_parse_question(msg, sizeof(msg), &q));
    dns_question_clear(&q);
    return 0;
}
