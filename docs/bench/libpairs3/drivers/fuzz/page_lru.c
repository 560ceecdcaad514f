#include CASE
#include "common.h"
static void wb(void *arg, uint64_t pageno, const void *data, size_t len)
{
    size_t *sum = arg;
    (void)pageno;
    *sum += len ? ((const unsigned char *)data)[len - 1] : 0;
}
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct page_lru l = {0};
    size_t sum = 0;
    l.max_bytes = 256;
    l.writeback = wb;
    l.wb_arg = &sum;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), pg = fz_u8(&f) % 16;
        if (op & 1) {
            const uint8_t *p;
            size_t len = fz_chunk(&f, 200, &p);
            lru_put(&l, pg, p, len, (op >> 1) & 1);
        } else {
            struct lru_page *p = lru_lookup(&l, pg);
            if (p && p->pageno != pg)
                abort();
        }
        if (l.bytes > l.max_bytes)
            abort();
    }
    lru_destroy(&l);
    return 0;
}
