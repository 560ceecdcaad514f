/* Loader for a compact tile-map format used by a 2D game editor:
 *   "TMAP" u32 width u32 height u16 fill_tile u16 count
 *   count x { u32 x, u32 y, u16 tile }       (little-endian)
 * Cells not listed get fill_tile. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GRID_MAX_CELLS (1u << 20)

struct tile_grid {
    uint32_t width, height;
    uint16_t *cells;
    uint16_t fill;
};

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

int grid_load(struct tile_grid *g, const uint8_t *d, size_t len)
{
    uint32_t ncells, i, count;
    const uint8_t *rec;

    g->cells = NULL;
    if (len < 16 || memcmp(d, "TMAP", 4) != 0)
        return -1;
    g->width = rd32(d + 4);
    g->height = rd32(d + 8);
    g->fill = rd16(d + 12);
    count = rd16(d + 14);
    if ((len - 16) / 10 < count)
        return -1;
    if (g->height && g->width > GRID_MAX_CELLS / g->height)
        return -1;
    ncells = g->width * g->height;
    if (ncells == 0 || ncells > GRID_MAX_CELLS)
        return -1;
    g->cells = malloc((size_t)ncells * sizeof(*g->cells));
    if (!g->cells)
        return -1;
    for (i = 0; i < ncells; i++)
        g->cells[i] = g->fill;
    for (i = 0, rec = d + 16; i < count; i++, rec += 10) {
        uint32_t x = rd32(rec), y = rd32(rec + 4);

        if (x >= g->width || y >= g->height)
            continue;
        g->cells[(size_t)y * g->width + x] = rd16(rec + 8);
    }
    return 0;
}

void grid_free(struct tile_grid *g)
{
    free(g->cells);
    g->cells = NULL;
}

int grid_get(const struct tile_grid *g, uint32_t x, uint32_t y, uint16_t *tile)
{
    if (x >= g->width || y >= g->height)
        return -1;
    *tile = g->cells[(size_t)y * g->width + x];
    return 0;
}

/* Number of cells holding `tile` inside the rectangle [x0,x1) x [y0,y1). */
size_t grid_count(const struct tile_grid *g, uint32_t x0, uint32_t y0, uint32_t x1, uint32_t y1,
                  uint16_t tile)
{
    size_t n = 0;
    uint32_t x, y;

    if (x1 > g->width)
        x1 = g->width;
    if (y1 > g->height)
        y1 = g->height;
    for (y = y0; y < y1; y++)
        for (x = x0; x < x1; x++)
            n += g->cells[(size_t)y * g->width + x] == tile;
    return n;
}

/* Flood fill from (x, y) replacing the 4-connected region of equal tiles;
 * returns cells changed, or -1. */
long grid_fill(struct tile_grid *g, uint32_t x, uint32_t y, uint16_t tile)
{
    size_t *stack, top = 0, n = (size_t)g->width * g->height, changed = 0;
    uint16_t from;

    if (grid_get(g, x, y, &from) < 0 || from == tile)
        return grid_get(g, x, y, &from) < 0 ? -1 : 0;
    stack = malloc(n * sizeof(*stack));
    if (!stack)
        return -1;
    stack[top++] = (size_t)y * g->width + x;
    g->cells[stack[0]] = tile;
    while (top) {
        size_t c = stack[--top], cx = c % g->width, cy = c / g->width, nb[4];
        int k, m = 0;

        changed++;
        if (cx > 0)
            nb[m++] = c - 1;
        if (cx + 1 < g->width)
            nb[m++] = c + 1;
        if (cy > 0)
            nb[m++] = c - g->width;
        if (cy + 1 < g->height)
            nb[m++] = c + g->width;
        for (k = 0; k < m; k++)
            if (g->cells[nb[k]] == from) {
                g->cells[nb[k]] = tile;
                stack[top++] = nb[k];
            }
    }
    free(stack);
    return (long)changed;
}
