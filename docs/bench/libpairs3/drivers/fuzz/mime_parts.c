#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct mime_msg m = {0};
    char *out, *s;
    size_t len = 0;
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f);
        s = fz_str(&f, 255);
        if (op & 1) {
            mime_add_text(&m, s);
        } else {
            const uint8_t *p;
            size_t k = fz_chunk(&f, 255, &p);
            mime_add_binary(&m, s, p, k);
        }
        free(s);
    }
    out = mime_render(&m, "frontier", &len);
    if (out && strncmp(out, "--frontier", 10) != 0)
        abort();
    free(out);
    mime_free(&m);
    return 0;
}
