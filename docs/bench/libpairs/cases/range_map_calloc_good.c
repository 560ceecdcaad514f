#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct range_map {
    uint32_t first;
    uint32_t count;
    uint16_t *ids;
};

/* Segment: first code point(4) count(2) then count glyph ids(2), big endian. */
int range_map_build(struct range_map *m, const uint8_t *p, size_t n)
{
    uint32_t first, count, i;
    uint16_t *ids;

    if (n < 6)
        return -1;
    first = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
            ((uint32_t)p[2] << 8) | p[3];
    count = ((uint32_t)p[4] << 8) | p[5];
    if (count == 0 || (n - 6) / 2 < count)
        return -1;
    ids = calloc(count, sizeof *ids);
    if (ids == NULL)
        return -1;
    for (i = 0; i < count; i++)
        ids[i] = (uint16_t)((p[6 + 2 * i] << 8) | p[7 + 2 * i]);
    m->first = first;
    m->count = count;
    m->ids = ids;
    return 0;
}

uint16_t range_map_lookup(const struct range_map *m, uint32_t cp)
{
    if (cp < m->first || cp - m->first >= m->count)
        return 0;
    return m->ids[cp - m->first];
}

void range_map_free(struct range_map *m)
{
    free(m->ids);
    m->ids = NULL;
    m->count = 0;
}
