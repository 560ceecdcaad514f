#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct mqtt_session s = {0};
    size_t i = 0;
    /* first byte of each chunk: chunk length */
    while (i < n) {
        size_t k = d[i++] % 32;
        if (k > n - i) k = n - i;
        uint8_t *p = malloc(k ? k : 1);
        memcpy(p, d + i, k);
        mqtt_handle_packet(&s, p, k);
        free(p);
        i += k;
    }
    return 0;
}
