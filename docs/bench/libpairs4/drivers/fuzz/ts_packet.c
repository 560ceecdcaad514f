#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size - size % TS_PACKET_SIZE;
    uint8_t *d = malloc(n ? n : 1);
    struct ts_pid_stats st;
    struct ts_packet t;

    memcpy(d, data, n);
    ts_stats_init(&st, n ? (uint16_t)((d[1] & 0x1f) << 8 | d[2]) : 0);
    ts_scan(d, n, &st);
    if (n && ts_parse(&t, d) == 0 && t.has_pcr)
        ts_pcr_delta(t.pcr, (uint64_t)size * 27000);
    free(d);
    return 0;
}
