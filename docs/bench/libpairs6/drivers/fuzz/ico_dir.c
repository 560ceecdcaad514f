/* libFuzzer harness for ico_dir: the input is the whole .ico file. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ico_dir *dir = ico_open(d, n);
    struct ico_image_info info;
    unsigned i;

    if (!dir)
        return 0;
    ico_best(dir, 48);
    for (i = 0; i < ico_count(dir); i++)
        ico_image_info(dir, i, &info);
    ico_close(dir);
    return 0;
}
