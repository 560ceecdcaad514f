#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct radius_packet p;
    struct radius_summary s;

    if (radius_parse(d, n, &p) == 0 && radius_request_summary(&p, &s) == 0)
        (void)(strlen(s.user) + strlen(s.nas_id));
    return 0;
}
