/* Drives msgpack_reader: a one-entry map whose key is a str32 with length
 * 0xfffffff0. */
#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static const uint8_t msg[] = { 0x81, 0xdb, 0xff, 0xff, 0xff, 0xf0, 0xa1, 'v' };
    uint8_t *buf = malloc(sizeof(msg));
    struct mp_obj v;
    int rc;

    memcpy(buf, msg, sizeof(msg));
    rc = mp_map_lookup(buf, sizeof(msg), "id", &v);
    printf("lookup: %d\n", rc);
    free(buf);
    return 0;
}
