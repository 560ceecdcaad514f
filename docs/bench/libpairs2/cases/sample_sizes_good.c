#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

#define STSZ_MAX_SAMPLES (1u << 24)

struct sample_table {
    uint32_t count;
    uint32_t *sizes;
    uint64_t total;
    uint32_t largest;
};

static uint32_t rd_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/*
 * Sample-size box body: version/flags (4), default size (4), count (4),
 * followed by count 32-bit sizes when the default size is zero.
 */
int stsz_parse(const uint8_t *buf, size_t len, struct sample_table *t)
{
    uint32_t fixed, count, i;

    if (len < 12)
        return -1;
    fixed = rd_be32(buf + 4);
    count = rd_be32(buf + 8);
    if (count > STSZ_MAX_SAMPLES || (fixed == 0 && count > (len - 12) / 4))
        return -1;
    t->count = count;
    t->total = 0;
    t->largest = 0;
    t->sizes = malloc((size_t)count * sizeof(*t->sizes));
    if (count > 0 && !t->sizes)
        return -1;
    for (i = 0; i < count; i++) {
        uint32_t sz = fixed ? fixed : rd_be32(buf + 12 + 4 * (size_t)i);
        t->sizes[i] = sz;
        t->total += sz;
        if (sz > t->largest)
            t->largest = sz;
    }
    return 0;
}

int stsz_offset_of(const struct sample_table *t, uint32_t index, uint64_t base, uint64_t *off)
{
    uint32_t i;

    if (index >= t->count)
        return -1;
    *off = base;
    for (i = 0; i < index; i++)
        *off += t->sizes[i];
    return 0;
}

void stsz_release(struct sample_table *t)
{
    free(t->sizes);
    t->sizes = NULL;
    t->count = 0;
}
