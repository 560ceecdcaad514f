#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct wav_info wi;
    size_t off, len;
    uint8_t *buf;
    if (wav_probe(d, n, &wi) == 0 && wi.frames > 0 && wav_frame_range(&wi, 0, &off, &len) != 0)
        abort();
    /* with a RIFF/WAVE header in front so that chunk parsing is reached */
    buf = malloc(n + 12);
    memcpy(buf, "RIFF\xff\xff\xff\xffWAVE", 12);
    memcpy(buf + 12, d, n);
    if (wav_probe(buf, n + 12, &wi) == 0 && wi.duration_ms == 0xffffffffu)
        abort();
    free(buf);
    return 0;
}
