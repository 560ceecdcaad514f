#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *buf = malloc(size ? size : 1);
    struct tile_grid g;
    uint16_t t;

    memcpy(buf, data, size);
    if (grid_load(&g, buf, size) == 0) {
        grid_get(&g, g.width - 1, g.height - 1, &t);
        grid_count(&g, 0, 0, 64, 64, g.fill);
        if ((size_t)g.width * g.height <= 65536)
            grid_fill(&g, g.width / 2, g.height / 2, (uint16_t)(g.fill + 1));
        grid_free(&g);
    }
    free(buf);
    return 0;
}
