#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct prio_queue *q = pq_new(free);
    int prio;

    if (!q)
        return 0;
    while (fz_more(&f)) {
        switch (fz_u8(&f) % 5) {
        case 0: case 1: pq_push(q, (int)fz_u8(&f) - 128, fz_str(&f, 4)); break;
        case 2: free(pq_pop(q, &prio)); break;
        case 3: pq_peek(q, &prio); pq_size(q); break;
        case 4: pq_clear(q); break;
        }
    }
    pq_free(q);
    return 0;
}
