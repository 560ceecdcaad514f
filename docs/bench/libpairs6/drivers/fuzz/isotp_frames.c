/* libFuzzer harness for isotp_frames: the input is a sequence of frames,
 * each a DLC byte followed by 8 data bytes. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct isotp_rx rx;
    struct can_frame f;
    size_t i, len;
    uint8_t *m;

    isotp_rx_init(&rx, 0x7e8);
    for (i = 0; i + 9 <= n; i += 9) {
        f.id = d[i] & 0x80 ? 0x7e0 : 0x7e8;
        f.dlc = d[i] & 0x0f;
        memcpy(f.data, d + i + 1, 8);
        if (isotp_rx_frame(&rx, &f) == 1) {
            m = isotp_rx_take(&rx, &len);
            if (m && len)
                (void)m[len - 1];
            free(m);
        }
    }
    isotp_rx_free(&rx);
    return 0;
}
