#include CASE
#include "common.h"

static int items[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct deque d;

    if (dq_init(&d, fz_u8(&f) % 8) < 0)
        return 0;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), k = fz_u8(&f);

        switch (op % 8) {
        case 0: dq_push_back(&d, &items[k]); break;
        case 1: dq_push_front(&d, &items[k]); break;
        case 2: dq_pop_front(&d); break;
        case 3: dq_pop_back(&d); break;
        case 4: dq_at(&d, (int)k - 128); break;
        case 5: dq_remove(&d, &items[k]); break;
        case 6: dq_trim_front(&d, (int)k % 16); break;
        case 7: dq_size(&d); break;
        }
    }
    dq_free(&d);
    return 0;
}
