#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t cap, need;
    uint16_t *w;
    char *back;
    long n;

    if (size < 1)
        return 0;
    need = utf16_length((const char *)data + 1, size - 1);
    cap = data[0] < 128 ? need : data[0] % 64;   /* exact or arbitrary capacity */
    w = malloc((cap ? cap : 1) * sizeof(*w));
    n = utf8_to_utf16((const char *)data + 1, size - 1, w, cap);
    if (n >= 0) {
        size_t bsz = (data[0] & 1) ? (size_t)n * 3 + 1 : (size_t)n + 1;
        back = malloc(bsz);
        utf16_to_utf8(w, (size_t)n, back, bsz);
        free(back);
    }
    free(w);
    return 0;
}
