#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct zip_dir z;
    struct zip_entry e;
    size_t pos = 0;
    int k = 0;

    if (zip_open(&z, d, n) != 0)
        return 0;
    while (zip_next(&z, &pos, &e) > 0 && k++ < 100)
        (void)zip_entry_is_dir(&e);
    (void)zip_find(&z, "META-INF/MANIFEST.MF", &e);
    return 0;
}
