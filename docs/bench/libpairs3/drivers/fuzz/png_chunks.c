#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct png_info info;
    const uint8_t *data;
    /* also try the input as the body of a PNG, so the signature check is not a wall */
    uint8_t *buf = malloc(n + 8);
    memcpy(buf, png_signature, 8);
    memcpy(buf + 8, d, n);
    if (png_walk(&info, buf, n + 8) > 0)
        png_find_chunk(&info, PNG_TYPE('I', 'D', 'A', 'T'), &data);
    free(buf);
    png_walk(&info, d, n);
    return 0;
}
