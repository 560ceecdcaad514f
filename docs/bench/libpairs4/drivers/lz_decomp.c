/* Driver: a stream declaring 8 decoded bytes whose second token copies 20
 * bytes (the stream itself still has 20 bytes left after that token). */
#include <stdio.h>
#include <stdlib.h>
#include CASE

int main(void)
{
    uint8_t in[64];
    size_t n = 0, out_len = 0;
    struct lz_stats st = { 0, 0, 0 };
    uint8_t *out;

    memcpy(in, "LZ1\x08\x00\x00\x00", 7);
    n = 7;
    in[n++] = 0x03;                      /* literal "abab" */
    memcpy(in + n, "abab", 4);
    n += 4;
    in[n++] = 0x80 | 17;                 /* copy 20 bytes, distance 2 */
    in[n++] = 0x00;
    in[n++] = 0x01;
    in[n++] = 0x12;                      /* literal of 19 bytes */
    memset(in + n, 'z', 19);
    n += 19;
    out = lz_unpack(in, n, &out_len, &st);
    printf("%s: %zu bytes, %zu literals, %zu matches\n", out ? "ok" : "rejected",
           out_len, st.literals, st.matches);
    free(out);
    return 0;
}
