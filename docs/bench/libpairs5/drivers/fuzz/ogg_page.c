#include CASE
#include "common.h"

static int on_packet(const uint8_t *p, size_t n, int complete, void *ctx)
{
    size_t *total = ctx;
    if (n)
        *total += p[0] + p[n - 1] + (size_t)complete;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ogg_page pg;
    size_t off = 0, total = 0;
    int r, pages = 0;

    /* CRC is not required: walk pages with the parser directly too */
    if (ogg_page_parse(d, n, &pg) == 0) {
        ogg_page_packets(&pg, on_packet, &total);
        (void)ogg_page_verify(d, &pg);
    }
    while ((r = ogg_next_page(d, n, &off, &pg)) > 0 && pages++ < 64)
        ogg_page_packets(&pg, on_packet, &total);
    return 0;
}
