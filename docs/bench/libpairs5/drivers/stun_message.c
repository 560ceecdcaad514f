#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    /* Binding success with MAPPED-ADDRESS 0.0.0.0:3478 */
    static const uint8_t msg[] = {
        0x01, 0x01, 0x00, 0x0c, 0x21, 0x12, 0xa4, 0x42,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
        0x00, 0x01, 0x00, 0x08, 0x00, 0x01, 0x0d, 0x96, 0x00, 0x00, 0x00, 0x00
    };
    uint8_t *b = malloc(sizeof(msg));
    struct stun_msg m;

    memcpy(b, msg, sizeof(msg));
    printf("parse: %d\n", stun_parse(b, sizeof(msg), &m));
    printf("binding success: %d\n", stun_is_binding_success(&m));
    free(b);
    return 0;
}
