#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct blob b;
    size_t off = 0;
    long r;
    while (off < n && (r = blob_read(d + off, n - off, &b)) > 0) {
        if ((size_t)r > n - off) abort();
        blob_release(&b);
        off += (size_t)r;
    }
    return 0;
}
