#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct pem_writer *w = pem_writer_new();
    const uint8_t *p;
    size_t len, k;
    char *label, *doc;

    while (fz_more(&f)) {
        label = fz_str(&f, 70);
        if (pem_begin(w, label) == 0) {
            unsigned parts = fz_u8(&f) % 4;
            while (parts--) {
                k = fz_chunk(&f, 200, &p);
                pem_update(w, p, k);
            }
            if (fz_u8(&f) & 1) {
                doc = pem_finish(w, &len);
                if (doc) {
                    (void)strlen(doc);
                    free(doc);
                }
            }
        }
        free(label);
    }
    pem_writer_free(w);
    return 0;
}
