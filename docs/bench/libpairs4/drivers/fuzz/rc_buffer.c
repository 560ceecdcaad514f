#include CASE
#include "common.h"

#define NM 4
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size, 0 };
    struct message *m[NM];
    struct rbuf *b;
    const uint8_t *p;
    uint8_t out[512];
    size_t k, i;

    for (i = 0; i < NM; i++)
        m[i] = msg_new((unsigned)i);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f), a = op % NM, c = (op >> 2) % NM;

        switch ((op >> 4) % 6) {
        case 0: k = fz_chunk(&f, 32, &p); msg_append(m[a], p, k); break;
        case 1: k = fz_chunk(&f, 32, &p); b = rbuf_new(p, k); msg_set_head(m[a], b); rbuf_release(b); break;
        case 2: msg_copy(m[a], m[c]); break;
        case 3: msg_set_body(m[a], msg_body(m[c])); break;
        case 4: msg_write(m[a], out, fz_u8(&f) * 2); break;
        case 5: msg_set_body(m[a], NULL); msg_size(m[a]); break;
        }
    }
    for (i = 0; i < NM; i++)
        msg_free(m[i]);
    return 0;
}
