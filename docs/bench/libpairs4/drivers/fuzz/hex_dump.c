#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *d = malloc(size ? size : 1), back[128];
    char *dump, compact[64], *text;

    memcpy(d, data, size);
    dump = hd_format(d, size);
    free(dump);
    hd_compact(d, size, compact, 1 + size % sizeof(compact));
    text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    hd_parse(text, back, size % sizeof(back));
    hd_line_count(size);
    free(text);
    free(d);
    return 0;
}
