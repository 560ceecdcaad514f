#include CASE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
    size_t len = 14 + 40 + 300 * 4;
    uint8_t *buf = calloc(1, len);
    struct bmp_info *info = malloc(sizeof(*info));
    buf[0] = 'B'; buf[1] = 'M';
    buf[14] = 40; buf[26] = 1; buf[28] = 24;
    buf[46] = 300 & 0xff; buf[47] = 300 >> 8;
    printf("rc=%d\n", bmp_read_info(buf, len, info));
    free(info); free(buf);
    return 0;
}
