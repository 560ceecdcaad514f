#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct wasm_module m;
    const struct wasm_section *s;

    if (wasm_scan(d, n, &m) != 0)
        return 0;
    if ((s = wasm_custom_section(&m, "name")) != NULL && s->size)
        (void)d[s->off + s->size - 1];
    if (m.has_start && m.start_func > m.nfuncs + m.nimports)
        return 0;
    return 0;
}
