#include CASE
#include <stdio.h>
int main(void)
{
    uint8_t buf[18 + 4] = {0};
    struct image img;
    buf[2] = 10; buf[12] = 2; buf[14] = 1; buf[16] = 24;
    buf[18] = 0xFF; buf[19] = 1; buf[20] = 2; buf[21] = 3;
    printf("rc=%d\n", tga_load(buf, sizeof(buf), &img));
    return 0;
}
