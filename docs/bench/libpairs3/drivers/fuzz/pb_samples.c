#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct sample_set s;
    if (sample_set_decode(&s, d, n) == 0 && s.nvalues > 0 && s.values[s.nvalues - 1] == 0xdeadbeef)
        s.sensor_id = 0;
    sample_set_clear(&s);
    return 0;
}
