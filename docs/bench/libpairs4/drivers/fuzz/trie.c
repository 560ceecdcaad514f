#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct trie t;
    size_t m;
    char *k;

    trie_init(&t);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4;

        k = fz_str(&f, 12);
        switch (op) {
        case 0: trie_insert(&t, k, (void *)k); break;
        case 1: trie_get(&t, k); break;
        case 2: trie_longest_prefix(&t, k, &m); break;
        case 3: trie_remove(&t, k); break;
        }
        free(k);
    }
    trie_clear(&t);
    return 0;
}
