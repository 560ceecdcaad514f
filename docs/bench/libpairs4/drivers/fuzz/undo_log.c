#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct undo_log u;
    const uint8_t *p;
    size_t k;

    undo_init(&u, 1 + fz_u8(&f) % 12);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f);

        switch (op % 4) {
        case 0: case 1:
            k = fz_chunk(&f, 4, &p);
            undo_record(&u, op % 2 ? UNDO_DELETE : UNDO_INSERT, (op >> 2) % 16, (const char *)p, k);
            break;
        case 2: undo_undo(&u); break;
        case 3: undo_redo(&u); undo_depth(&u); break;
        }
    }
    undo_free(&u);
    return 0;
}
