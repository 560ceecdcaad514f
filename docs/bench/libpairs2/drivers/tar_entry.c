#include CASE
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    uint8_t *blk = malloc(TAR_BLOCK);
    struct tar_entry e;
    unsigned long sum = 0;
    size_t i, co = offsetof(struct tar_hdr, chksum);
    memset(blk, 'a', TAR_BLOCK);
    for (i = 0; i < TAR_BLOCK; i++)
        sum += (i >= co && i < co + 8) ? ' ' : blk[i];
    for (i = 0; i < 8; i++) {
        blk[co + 7 - i] = (uint8_t)('0' + (sum & 7));
        sum >>= 3;
    }
    printf("rc=%d\n", tar_read_entry(blk, TAR_BLOCK, &e));
    free(blk);
    return 0;
}
