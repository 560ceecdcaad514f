/* libFuzzer harness for x509_name: the input is the DER Name. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    char out[256];

    x509_name_format(d, n, out, sizeof(out));
    x509_name_format(d, n, out, 8);
    return 0;
}
