/* libFuzzer harness for rope_text: from / concat / sub / flatten / find /
 * release on up to 16 ropes held by the harness (total length capped). */
#include CASE
#include "common.h"

#define MAXR 16

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct rope *r[MAXR], *x;
    size_t nr = 0, i, j, len, off;
    const uint8_t *p;
    unsigned op;
    char *buf;

    while (fz_more(&f)) {
        op = fz_u8(&f) % 6;
        if (op == 0 && nr < MAXR) {
            len = fz_chunk(&f, 48, &p);
            if ((x = rope_from((const char *)p, len)))
                r[nr++] = x;
        } else if (nr == 0) {
            continue;
        } else if (op == 1 && nr < MAXR) {
            i = fz_u8(&f) % nr;
            j = fz_u8(&f) % nr;
            if (rope_len(r[i]) + rope_len(r[j]) <= (1u << 16) && (x = rope_concat(r[i], r[j])))
                r[nr++] = x;
        } else if (op == 2 && nr < MAXR) {
            i = fz_u8(&f) % nr;
            len = rope_len(r[i]);
            off = len ? fz_u16(&f) % (len + 1) : 0;
            len = fz_u16(&f) % (len - off + 1);
            if ((x = rope_sub(r[i], off, len)))
                r[nr++] = x;
        } else if (op == 3) {
            i = fz_u8(&f) % nr;
            buf = malloc(rope_len(r[i]) + 1);
            rope_flatten(r[i], buf, rope_len(r[i]) + 1);
            free(buf);
        } else if (op == 4) {
            i = fz_u8(&f) % nr;
            rope_find(r[i], fz_u8(&f), (char)fz_u8(&f));
        } else {
            i = fz_u8(&f) % nr;
            rope_release(r[i]);
            r[i] = r[--nr];
        }
    }
    while (nr)
        rope_release(r[--nr]);
    return 0;
}
