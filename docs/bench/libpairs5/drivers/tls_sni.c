#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    /* ClientHello whose last extension is server_name; the host entry
     * claims the whole list length. */
    uint8_t body[] = {
        0x03, 0x03,                                     /* version */
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0x00,                                           /* session id */
        0x00, 0x02, 0x13, 0x01,                         /* ciphers */
        0x01, 0x00,                                     /* compression */
        0x00, 0x11,                                     /* extensions */
        0x00, 0x00, 0x00, 0x0d,                         /* server_name, 13 */
        0x00, 0x0b, 0x00, 0x00, 0x0b,                   /* list 11, host 11 */
        'e','x','a','m','p','l','e','.'
    };
    size_t blen = sizeof(body), len = 9 + blen;
    uint8_t *b = malloc(len);
    struct tls_hello h;

    b[0] = 22; b[1] = 3; b[2] = 1; b[3] = 0; b[4] = (uint8_t)(blen + 4);
    b[5] = 1; b[6] = 0; b[7] = 0; b[8] = (uint8_t)blen;
    memcpy(b + 9, body, blen);
    printf("parse: %d\n", tls_parse_client_hello(b, len, &h));
    free(b);
    return 0;
}
