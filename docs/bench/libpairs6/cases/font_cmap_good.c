/* OpenType 'cmap' table: selects the Unicode BMP subtable (format 4,
 * segment mapping to delta values) and maps code points to glyph ids. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define U16(p) ((unsigned)((p)[0] << 8 | (p)[1]))
#define U32(p) ((uint32_t)(p)[0] << 24 | (uint32_t)(p)[1] << 16 | (uint32_t)(p)[2] << 8 | (p)[3])

#define CMAP_HDR_LEN 4
#define ENC_RECORD_LEN 8
#define FMT4_HDR_LEN 14

struct cmap4 {
    const uint8_t *table;
    size_t table_len;
    const uint8_t *sub;
    size_t sub_len;
    unsigned seg_count;
    const uint8_t *end_codes;
    const uint8_t *start_codes;
    const uint8_t *deltas;
    const uint8_t *range_offsets;
    unsigned lookups, misses;
};

static int pick_subtable(const uint8_t *t, size_t len, size_t *off)
{
    unsigned n, i, best = 0, plat, enc, rank;
    uint32_t o;

    if (len < CMAP_HDR_LEN || U16(t) != 0)
        return -1;
    n = U16(t + 2);
    if ((size_t)n * ENC_RECORD_LEN > len - CMAP_HDR_LEN)
        return -1;
    for (i = 0; i < n; i++) {
        const uint8_t *r = t + CMAP_HDR_LEN + (size_t)i * ENC_RECORD_LEN;

        plat = U16(r);
        enc = U16(r + 2);
        o = U32(r + 4);
        rank = plat == 3 && enc == 1 ? 3 : plat == 0 && enc == 3 ? 2 : plat == 0 ? 1 : 0;
        if (rank > best && o <= len - 4 && U16(t + o) == 4) {
            best = rank;
            *off = o;
        }
    }
    return best ? 0 : -1;
}

struct cmap4 *cmap4_open(const uint8_t *table, size_t len)
{
    struct cmap4 *cm;
    size_t off, sublen;
    unsigned segx2;

    if (pick_subtable(table, len, &off) < 0)
        return NULL;
    if (len - off < FMT4_HDR_LEN)
        return NULL;
    sublen = U16(table + off + 2);
    if (sublen < FMT4_HDR_LEN || sublen > len - off)
        return NULL;
    segx2 = U16(table + off + 6);
    if (segx2 == 0 || (segx2 & 1))
        return NULL;
    cm = calloc(1, sizeof(*cm));
    if (!cm)
        return NULL;
    cm->table = table;
    cm->table_len = len;
    cm->sub = table + off;
    cm->sub_len = sublen;
    cm->seg_count = segx2 / 2;
    if (FMT4_HDR_LEN + 2 + 8 * (size_t)cm->seg_count > sublen) {
        free(cm);
        return NULL;
    }
    cm->end_codes = cm->sub + FMT4_HDR_LEN;
    cm->start_codes = cm->end_codes + segx2 + 2;
    cm->deltas = cm->start_codes + segx2;
    cm->range_offsets = cm->deltas + segx2;
    return cm;
}

void cmap4_close(struct cmap4 *cm)
{
    free(cm);
}

static int find_segment(const struct cmap4 *cm, unsigned cp)
{
    unsigned lo = 0, hi = cm->seg_count;

    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;

        if (U16(cm->end_codes + 2 * mid) < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= cm->seg_count || U16(cm->start_codes + 2 * lo) > cp)
        return -1;
    return (int)lo;
}

/* Glyph id for code point cp, 0 (.notdef) when unmapped. */
unsigned cmap4_glyph(struct cmap4 *cm, uint32_t cp)
{
    const uint8_t *ro, *g;
    unsigned delta, range, start, gid;
    int i;

    cm->lookups++;
    if (cp > 0xffff || (i = find_segment(cm, cp)) < 0) {
        cm->misses++;
        return 0;
    }
    start = U16(cm->start_codes + 2 * i);
    delta = U16(cm->deltas + 2 * i);
    ro = cm->range_offsets + 2 * i;
    range = U16(ro);
    if (range == 0)
        return (cp + delta) & 0xffff;
    g = ro + range + 2 * (cp - start);
    if (g < cm->sub || (size_t)(g - cm->sub) + 2 > cm->sub_len) {
        cm->misses++;
        return 0;
    }
    gid = U16(g);
    return gid ? (gid + delta) & 0xffff : 0;
}

/* Fills glyphs[k] for the code points text[0..n-1]; returns the number
 * that mapped to a real glyph. */
size_t cmap4_map_string(struct cmap4 *cm, const uint32_t *text, size_t n, uint16_t *glyphs)
{
    size_t k, mapped = 0;

    for (k = 0; k < n; k++) {
        glyphs[k] = (uint16_t)cmap4_glyph(cm, text[k]);
        if (glyphs[k])
            mapped++;
    }
    return mapped;
}
