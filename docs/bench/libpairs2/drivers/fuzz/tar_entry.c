#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct tar_entry e;
    if (tar_read_entry(d, n, &e) == 0 && strlen(e.path) >= sizeof(e.path)) abort();
    return 0;
}
