#include CASE
#include "common.h"
#include "lines.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct request r = {0};
    char out[512];
    strcpy(r.path, "/p");
    FOR_LINES(d, n, request_add_header(&r, line));
    request_absolute_url(&r, out, sizeof(out));
    request_absolute_url(&r, out, 8);
    return 0;
}
