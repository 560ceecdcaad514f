/* Fixed-size bit set backed by 64-bit words, used for allocation maps
 * (free inode / block tracking). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct bitset {
    uint64_t *words;
    size_t nbits, nwords;
};

struct bitset *bitset_new(size_t nbits)
{
    struct bitset *bs = malloc(sizeof(*bs));

    if (!bs)
        return NULL;
    bs->nbits = nbits;
    bs->nwords = (nbits + 63) / 64;
    bs->words = calloc(bs->nwords ? bs->nwords : 1, sizeof(uint64_t));
    if (!bs->words) {
        free(bs);
        return NULL;
    }
    return bs;
}

void bitset_free(struct bitset *bs)
{
    if (bs) {
        free(bs->words);
        free(bs);
    }
}

int bitset_set(struct bitset *bs, size_t bit)
{
    if (bit >= bs->nbits)
        return -1;
    bs->words[bit / 64] |= (uint64_t)1 << (bit % 64);
    return 0;
}

int bitset_clear(struct bitset *bs, size_t bit)
{
    if (bit >= bs->nbits)
        return -1;
    bs->words[bit / 64] &= ~((uint64_t)1 << (bit % 64));
    return 0;
}

int bitset_test(const struct bitset *bs, size_t bit)
{
    if (bit >= bs->nbits)
        return 0;
    return (int)(bs->words[bit / 64] >> (bit % 64) & 1);
}

size_t bitset_count(const struct bitset *bs)
{
    size_t i, n = 0;

    for (i = 0; i < bs->nwords; i++)
        n += (size_t)__builtin_popcountll(bs->words[i]);
    return n;
}

/* Index of the first clear bit at or after `from`, or nbits if none. */
size_t bitset_next_clear(const struct bitset *bs, size_t from)
{
    size_t i;

    for (i = from; i < bs->nbits; i++) {
        uint64_t w = bs->words[i / 64];

        if (w == UINT64_MAX && i % 64 == 0) {
            i += 63;
            continue;
        }
        if (!(w >> (i % 64) & 1))
            return i;
    }
    return bs->nbits;
}

/* Sets bits [start, start + n); fails without changes if out of range. */
int bitset_set_range(struct bitset *bs, size_t start, size_t n)
{
    size_t i;

    if (start > bs->nbits || n > bs->nbits - start)
        return -1;
    for (i = start; i < start + n; i++)
        bs->words[i / 64] |= (uint64_t)1 << (i % 64);
    return 0;
}

/* Finds and marks a run of n clear bits; returns its start or -1. */
long bitset_alloc_run(struct bitset *bs, size_t n)
{
    size_t start = bitset_next_clear(bs, 0), len = 0, i;

    if (n == 0)
        return -1;
    for (i = start; i < bs->nbits; i++) {
        if (bitset_test(bs, i)) {
            len = 0;
            start = i + 1;
            continue;
        }
        if (++len == n) {
            bitset_set_range(bs, start, n);
            return (long)start;
        }
    }
    return -1;
}

/* dst |= src for the overlapping part. */
void bitset_or(struct bitset *dst, const struct bitset *src)
{
    size_t i, n = dst->nwords < src->nwords ? dst->nwords : src->nwords;

    for (i = 0; i < n; i++)
        dst->words[i] |= src->words[i];
    if (dst->nbits % 64 && n == dst->nwords)
        dst->words[n - 1] &= ((uint64_t)1 << (dst->nbits % 64)) - 1;
}
