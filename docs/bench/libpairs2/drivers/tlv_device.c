#include CASE
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    static const uint8_t in[8] = { TLV_VENDOR, 2, 'a', 'b', TLV_NAME, 4, 'x', 'y' };
    uint8_t *buf = malloc(sizeof(in));
    struct device_desc d;
    memcpy(buf, in, sizeof(in));
    printf("rc=%d\n", tlv_parse_device(buf, sizeof(in), &d));
    free(buf);
    return 0;
}
