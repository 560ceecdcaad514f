/* Driver: two PES-start packets of PID 0x100; the second has both an
 * adaptation field and payload and an adaptation_field_length of 200. */
#include <stdio.h>
#include <stdlib.h>
#include CASE

int main(void)
{
    uint8_t *d = calloc(2, TS_PACKET_SIZE), *p;
    struct ts_pid_stats st;
    long n;

    p = d;                                   /* PES start, payload only */
    p[0] = 0x47; p[1] = 0x41; p[2] = 0x00; p[3] = 0x10;
    p[4] = 0x00; p[5] = 0x00; p[6] = 0x01; p[7] = 0xe0;
    p = d + TS_PACKET_SIZE;                  /* adaptation field + payload */
    p[0] = 0x47; p[1] = 0x41; p[2] = 0x00; p[3] = 0x31;
    p[4] = 200; p[5] = 0x10;
    ts_stats_init(&st, 0x100);
    n = ts_scan(d, 2 * TS_PACKET_SIZE, &st);
    printf("packets=%ld pes=%lu bytes=%lu cc_errors=%lu delta=%llu\n", n, st.pes_starts, st.payload_bytes,
           st.cc_errors, (unsigned long long)ts_pcr_delta(1000, 500));
    free(d);
    return 0;
}
