/* Glyph metrics table of a bitmap font.  Glyphs are kept sorted by code
 * point for binary search; an alias is a code point that reuses another
 * glyph's bitmap and metrics. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GLYPH_TABLE_MIN 16
#define GLYPH_TABLE_MAX 65536

struct glyph {
    uint32_t cp;
    int16_t bearing_x;
    int16_t bearing_y;
    uint16_t advance;
    uint16_t width;
    uint16_t height;
    uint32_t bitmap_off;
};

struct glyph_table {
    struct glyph *g;
    size_t count;
    size_t cap;
    uint16_t line_height;
    uint16_t default_advance;
};

void glyph_table_init(struct glyph_table *t, uint16_t line_height, uint16_t default_advance)
{
    memset(t, 0, sizeof(*t));
    t->line_height = line_height;
    t->default_advance = default_advance;
}

void glyph_table_free(struct glyph_table *t)
{
    free(t->g);
    memset(t, 0, sizeof(*t));
}

static size_t lower_bound(const struct glyph_table *t, uint32_t cp)
{
    size_t lo = 0, hi = t->count, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (t->g[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

struct glyph *glyph_find(struct glyph_table *t, uint32_t cp)
{
    size_t i = lower_bound(t, cp);

    return i < t->count && t->g[i].cp == cp ? &t->g[i] : NULL;
}

/* Returns the entry for cp, inserting a blank one if there is none. */
static struct glyph *glyph_insert(struct glyph_table *t, uint32_t cp)
{
    size_t i = lower_bound(t, cp), ncap;
    struct glyph *ng;

    if (i < t->count && t->g[i].cp == cp)
        return &t->g[i];
    if (t->count == t->cap) {
        if (t->cap >= GLYPH_TABLE_MAX)
            return NULL;
        ncap = t->cap ? t->cap * 2 : GLYPH_TABLE_MIN;
        if (!(ng = realloc(t->g, ncap * sizeof(*ng))))
            return NULL;
        t->g = ng;
        t->cap = ncap;
    }
    memmove(&t->g[i + 1], &t->g[i], (t->count - i) * sizeof(*t->g));
    t->count++;
    memset(&t->g[i], 0, sizeof(t->g[i]));
    t->g[i].cp = cp;
    t->g[i].advance = t->default_advance;
    return &t->g[i];
}

int glyph_add(struct glyph_table *t, const struct glyph *src)
{
    struct glyph *g;

    if (src->width > 1024 || src->height > 1024)
        return -1;
    if (!(g = glyph_insert(t, src->cp)))
        return -1;
    *g = *src;
    return 0;
}

int glyph_alias(struct glyph_table *t, uint32_t cp, uint32_t target)
{
    const struct glyph *src = glyph_find(t, target);
    struct glyph *g, copy;

    if (!src || cp == target)
        return -1;
    copy = *src;
    src = &copy;
    if (!(g = glyph_insert(t, cp)))
        return -1;
    g->bearing_x = src->bearing_x;
    g->bearing_y = src->bearing_y;
    g->advance = src->advance;
    g->width = src->width;
    g->height = src->height;
    g->bitmap_off = src->bitmap_off;
    return 0;
}

/* Horizontal extent of a UTF-32 string in pixels. */
long glyph_text_width(struct glyph_table *t, const uint32_t *text, size_t n)
{
    const struct glyph *g;
    long w = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        g = glyph_find(t, text[i]);
        w += g ? g->advance : t->default_advance;
    }
    return w;
}

int glyph_remove(struct glyph_table *t, uint32_t cp)
{
    size_t i = lower_bound(t, cp);

    if (i >= t->count || t->g[i].cp != cp)
        return -1;
    memmove(&t->g[i], &t->g[i + 1], (t->count - i - 1) * sizeof(*t->g));
    t->count--;
    return 0;
}
