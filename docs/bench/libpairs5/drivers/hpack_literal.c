#include CASE
#include <stdio.h>

int main(void)
{
    uint8_t blk[80];
    char name[16], value[128];
    struct hpack_field f;
    size_t n = 0;

    blk[n++] = 0x40;                      /* literal, incremental, new name */
    blk[n++] = 40;                        /* name length 40 */
    memset(blk + n, 'x', 40); n += 40;
    blk[n++] = 3;
    memcpy(blk + n, "abc", 3); n += 3;
    printf("consumed: %ld\n", hpack_decode_literal(blk, n, &f, name, sizeof(name), value, sizeof(value)));
    return 0;
}
