#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    /* 27-byte header announcing 40 segments, only 3 lacing bytes present */
    size_t len = OGG_HDR_LEN + 3;
    uint8_t *b = calloc(1, len);
    struct ogg_page pg;
    size_t off = 0;

    memcpy(b, "OggS", 4);
    b[5] = OGG_FLAG_BOS;
    b[14] = 0x11;
    b[26] = 40;
    b[27] = 1; b[28] = 2; b[29] = 3;
    printf("next: %d\n", ogg_next_page(b, len, &off, &pg));
    free(b);
    return 0;
}
