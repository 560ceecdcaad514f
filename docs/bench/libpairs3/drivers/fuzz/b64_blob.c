#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct blob b, r;
    char *enc;
    if (b64_decode(&b, (const char *)d, n) == 0)
        blob_free(&b);
    enc = b64_encode(d, n);
    if (!enc)
        return 0;
    if (b64_decode(&r, enc, strlen(enc)) != 0 || r.len != n || memcmp(r.data, d, n) != 0)
        abort();
    blob_free(&r);
    free(enc);
    return 0;
}
