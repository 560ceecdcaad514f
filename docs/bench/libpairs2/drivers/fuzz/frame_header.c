#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct frame f = {0};
    if (frame_from_header(d, n, &f) == 0)
        frame_release(&f);
    return 0;
}
