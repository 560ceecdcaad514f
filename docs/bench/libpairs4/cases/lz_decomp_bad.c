/* Decoder for a small LZ77 variant used for cached assets.
 *
 * Stream: "LZ1" magic, 4-byte little-endian decoded size, then tokens:
 *   0lllllll               literal run of l+1 bytes follows
 *   1lllllll dddddddd x2   copy l+3 bytes from `distance` (big-endian, +1)
 *                          bytes back in the output */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LZ_MAGIC "LZ1"
#define LZ_MAX_OUTPUT (16u << 20)

enum { LZ_OK = 0, LZ_ETRUNC = -1, LZ_EDIST = -2, LZ_ESIZE = -3, LZ_EMAGIC = -4, LZ_ENOMEM = -5 };

struct lz_stats {
    size_t literals, matches, longest_match;
};

/* Decodes tokens from in[0..in_len) into out[0..cap).  Returns the number
 * of bytes produced or a negative LZ_E* code. */
long lz_decode_block(const uint8_t *in, size_t in_len, uint8_t *out, size_t cap,
                     struct lz_stats *st)
{
    size_t i = 0, o = 0, n, dist, k;

    while (i < in_len) {
        uint8_t t = in[i++];

        if (!(t & 0x80)) {
            n = (size_t)t + 1;
            if (n > in_len - i || n > cap - o)
                return LZ_ETRUNC;
            memcpy(out + o, in + i, n);
            i += n;
            o += n;
            if (st)
                st->literals += n;
            continue;
        }
        if (in_len - i < 2)
            return LZ_ETRUNC;
        n = (size_t)(t & 0x7f) + 3;
        dist = ((size_t)in[i] << 8 | in[i + 1]) + 1;
        i += 2;
        if (dist > o || n > in_len - i)
            return LZ_EDIST;
        for (k = 0; k < n; k++)
            out[o + k] = out[o - dist + k]; // expect-warning: CWE-122
        o += n;
        if (st) {
            st->matches++;
            if (n > st->longest_match)
                st->longest_match = n;
        }
    }
    return (long)o;
}

static uint32_t rd32le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Size the stream declares for its decoded form, or a negative code. */
long lz_decoded_size(const uint8_t *in, size_t in_len)
{
    uint32_t n;

    if (in_len < 7)
        return LZ_ETRUNC;
    if (memcmp(in, LZ_MAGIC, 3) != 0)
        return LZ_EMAGIC;
    n = rd32le(in + 3);
    if (n > LZ_MAX_OUTPUT)
        return LZ_ESIZE;
    return (long)n;
}

/* Decodes a whole stream into a new buffer of the declared size. */
uint8_t *lz_unpack(const uint8_t *in, size_t in_len, size_t *out_len, struct lz_stats *st)
{
    long size = lz_decoded_size(in, in_len), got;
    uint8_t *out;

    if (size < 0)
        return NULL;
    out = malloc(size ? (size_t)size : 1);
    if (!out)
        return NULL;
    got = lz_decode_block(in + 7, in_len - 7, out, (size_t)size, st);
    if (got != size) {
        free(out);
        return NULL;
    }
    *out_len = (size_t)got;
    return out;
}

/* Checks a stream without keeping the output. */
int lz_verify(const uint8_t *in, size_t in_len)
{
    size_t n;
    uint8_t *out = lz_unpack(in, in_len, &n, NULL);

    if (!out)
        return -1;
    free(out);
    return 0;
}

const char *lz_strerror(long code)
{
    switch (code) {
    case LZ_ETRUNC: return "truncated input";
    case LZ_EDIST: return "malformed match token";
    case LZ_ESIZE: return "size limit exceeded";
    case LZ_EMAGIC: return "not an LZ1 stream";
    case LZ_ENOMEM: return "out of memory";
    default: return code >= 0 ? "ok" : "unknown error";
    }
}
