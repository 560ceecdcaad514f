#include CASE
#include "common.h"
static int on_ev(void *arg, const struct midi_event *ev)
{
    size_t *sum = arg;
    uint32_t k;
    *sum += ev->ndata ? ev->data[ev->ndata - 1] : 0;
    for (k = 0; k < ev->payload_len; k++)
        *sum += ev->payload[k];
    return ev->status == 0xf7 && ev->payload_len == 1;
}
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct midi_track_stats st;
    size_t sum = 0;
    uint8_t *buf = malloc(n + 8);
    memcpy(buf, "MTrk", 4);
    buf[4] = (uint8_t)(n >> 24); buf[5] = (uint8_t)(n >> 16); buf[6] = (uint8_t)(n >> 8); buf[7] = (uint8_t)n;
    memcpy(buf + 8, d, n);
    midi_read_track(buf, n + 8, on_ev, &sum, &st);
    free(buf);
    midi_read_track(d, n, NULL, NULL, &st);
    return 0;
}
