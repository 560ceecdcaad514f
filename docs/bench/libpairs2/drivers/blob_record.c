#include CASE
#include <stdio.h>
int main(void)
{
    uint8_t *buf = malloc(16);
    struct blob b = {0};
    memset(buf, 'x', 16);
    buf[0] = 0xB1; buf[1] = 0x0B; buf[2] = 0; buf[3] = 4;
    buf[4] = 0xFF; buf[5] = 0xFF; buf[6] = 0xFF; buf[7] = 0xF8;
    printf("rc=%ld\n", blob_read(buf, 16, &b));
    blob_release(&b);
    free(buf);
    return 0;
}
