/* Driver: a map header claiming 65537 x 65536 cells with one placed tile. */
#include <stdio.h>
#include CASE

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

int main(void)
{
    uint8_t map[26];
    struct tile_grid g;
    uint16_t t = 0;
    int r;

    memcpy(map, "TMAP", 4);
    put32(map + 4, 65537);
    put32(map + 8, 65536);
    map[12] = 1; map[13] = 0;          /* fill tile 1 */
    map[14] = 1; map[15] = 0;          /* one record */
    put32(map + 16, 3);
    put32(map + 20, 1);
    map[24] = 7; map[25] = 0;
    r = grid_load(&g, map, sizeof(map));
    if (r == 0) {
        grid_get(&g, 3, 1, &t);
        printf("tile=%u count=%zu\n", t, grid_count(&g, 0, 0, 16, 16, 1));
        grid_free(&g);
    } else {
        printf("rejected\n");
    }
    return 0;
}
