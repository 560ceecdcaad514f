/* Drives x509_name: a Name holding one RDN followed by a SET header with a
 * two-byte long-form length at the very end of the input. */
#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static const uint8_t name[] = {
        0x30, 0x0e,
        0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'a',
        0x31, 0x82,
    };
    uint8_t *der = malloc(sizeof(name));
    char out[128];
    long n;

    memcpy(der, name, sizeof(name));
    n = x509_name_format(der, sizeof(name), out, sizeof(out));
    printf("%ld %s\n", n, n >= 0 ? out : "-");
    free(der);
    return 0;
}
