#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *buf = malloc(size ? size : 1);
    struct coap_msg *m;
    volatile uint32_t sink;

    memcpy(buf, data, size);
    m = coap_parse(buf, size);
    if (m) {
        sink = coap_fresh_for(m, size);
        sink = coap_is_json(m);
        sink = m->path_len ? (uint32_t)strlen(m->path) : 0;
        (void)sink;
        coap_free(m);
    }
    free(buf);
    return 0;
}
