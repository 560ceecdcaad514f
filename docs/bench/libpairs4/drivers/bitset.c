/* Driver: an allocation map for 128 blocks; the caller marks the block
 * numbers it has been told about, the last one being 128. */
#include <stdio.h>
#include CASE

int main(void)
{
    static const size_t used[] = { 0, 1, 2, 64, 127, 128 };
    struct bitset *bs = bitset_new(128);
    size_t i;
    long run;

    if (!bs)
        return 2;
    for (i = 0; i < sizeof(used) / sizeof(used[0]); i++)
        if (bitset_set(bs, used[i]) < 0)
            printf("block %zu out of range\n", used[i]);
    run = bitset_alloc_run(bs, 8);
    printf("used=%zu first_free=%zu run=%ld\n", bitset_count(bs), bitset_next_clear(bs, 0), run);
    bitset_free(bs);
    return 0;
}
