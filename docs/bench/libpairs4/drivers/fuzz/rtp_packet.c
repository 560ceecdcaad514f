#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *d = malloc(size ? size : 1), elen;
    struct rtp_packet p;
    volatile unsigned sink = 0;
    const uint8_t *e;
    size_t i;

    memcpy(d, data, size);
    if (rtp_parse(&p, d, size) == 0) {
        for (i = 0; i < p.payload_len; i++)
            sink += p.payload[i];
        if ((e = rtp_ext_get(&p, 1, &elen)) != NULL)
            for (i = 0; i < elen; i++)
                sink += e[i];
        rtp_seq_delta(p.seq, (uint16_t)size);
    }
    free(d);
    return 0;
}
