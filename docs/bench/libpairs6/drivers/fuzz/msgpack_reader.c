/* libFuzzer harness for msgpack_reader: key lookup in a top-level map, then
 * skipping every object in the input. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct mp_reader r;
    struct mp_obj v;
    int k = 0;

    mp_map_lookup(d, n, "id", &v);
    mp_map_lookup(d, n, "name", &v);
    mp_reader_init(&r, d, n);
    while (k++ < 256 && mp_skip(&r) == 0)
        ;
    return 0;
}
