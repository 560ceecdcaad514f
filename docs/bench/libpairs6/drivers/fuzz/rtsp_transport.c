/* libFuzzer harness for rtsp_transport: the input is the header value. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct rtsp_transport t;

    rtsp_parse_transport((const char *)d, n, &t);
    return 0;
}
