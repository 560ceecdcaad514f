#include CASE
#include <stdio.h>
int main(void)
{
    struct ring *r = ring_new(8);
    uint8_t in[8] = "abcdefgh", out[8];
    printf("%zu\n", ring_write(r, in, 6));
    printf("%zu\n", ring_read(r, out, 4));
    printf("%zu\n", ring_write(r, in, 6));
    printf("%zu\n", ring_read(r, out, 8));
    ring_free(r);
    return 0;
}
