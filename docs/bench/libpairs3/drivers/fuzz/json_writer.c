#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct json_writer w = {0};
    char *doc;
    jw_begin_object(&w);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4;
        char *key = fz_str(&f, 32);
        const uint8_t *v;
        size_t vl;
        if (op == 0) {
            vl = fz_chunk(&f, 255, &v);
            jw_field_str(&w, key, (const char *)v, vl);
        } else if (op == 1) {
            jw_field_int(&w, key, (long long)fz_u16(&f) - 30000);
        } else if (op == 2 && w.depth < 8) {
            jw_string(&w, key, strlen(key));
            jw_raw(&w, ":", 1);
            w.need_comma = 0;
            jw_begin_object(&w);
        } else if (w.depth > 1) {
            jw_end_object(&w);
        }
        free(key);
    }
    while (w.depth > 0)
        jw_end_object(&w);
    doc = jw_take(&w);
    if (doc && strlen(doc) == 0)
        abort();
    free(doc);
    return 0;
}
