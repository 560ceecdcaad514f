#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct file_response r;
    char *path;
    size_t size = n ? (size_t)d[0] * 100 : 0;
    if (n == 0)
        return 0;
    path = malloc(n);
    memcpy(path, d + 1, n - 1);
    path[n - 1] = '\0';
    file_response_prepare(&r, path, size, d[0] & 1);
    if (r.status == 200 && r.content_type[0] == '\0')
        abort();
    free(path);
    return 0;
}
