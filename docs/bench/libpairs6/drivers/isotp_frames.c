/* Drives isotp_frames: a first frame announcing 10 bytes followed by a full
 * 8-byte consecutive frame. */
#include CASE
#include <stdio.h>

int main(void)
{
    struct isotp_rx rx;
    struct can_frame ff = { 0x7e8, 8, { 0x10, 0x0a, 'a', 'b', 'c', 'd', 'e', 'f' } };
    struct can_frame cf = { 0x7e8, 8, { 0x21, 'g', 'h', 'i', 'j', 'k', 'l', 'm' } };
    uint8_t *msg;
    size_t len = 0;

    isotp_rx_init(&rx, 0x7e8);
    printf("ff %d\n", isotp_rx_frame(&rx, &ff));
    printf("cf %d\n", isotp_rx_frame(&rx, &cf));
    msg = isotp_rx_take(&rx, &len);
    if (msg)
        printf("%zu bytes: %.*s\n", len, (int)len, (const char *)msg);
    free(msg);
    isotp_rx_free(&rx);
    return 0;
}
