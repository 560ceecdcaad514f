#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Base64 (RFC 4648) codec used for PEM bodies and HTTP Basic credentials.
 * The decoder accepts embedded whitespace and both padded and unpadded
 * input; decoding stops at the first '='.
 */

struct blob {
    uint8_t *data;
    size_t len;
};

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

static size_t b64_decoded_max(size_t n)
{
    return n / 4 * 3;
}

void blob_free(struct blob *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

/* Decodes in[0..n) into a freshly allocated blob. Returns 0 or -1. */
int b64_decode(struct blob *out, const char *in, size_t n)
{
    uint32_t acc = 0;
    int bits = 0;
    size_t i, o = 0;

    out->len = 0;
    out->data = malloc(b64_decoded_max(n));
    if (!out->data)
        return -1;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        int v;

        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '=')
            break;
        v = b64_value(c);
        if (v < 0) {
            blob_free(out);
            return -1;
        }
        acc = ((acc << 6) | (uint32_t)v) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out->data[o++] = (uint8_t)(acc >> bits); // expect-warning: CWE-122
        }
    }
    out->len = o;
    return 0;
}

/* Encodes with padding into a NUL-terminated string; caller frees. */
char *b64_encode(const uint8_t *in, size_t n)
{
    size_t i, o = 0;
    char *s;

    if (n > (SIZE_MAX - 1) / 4 * 3)
        return NULL;
    s = malloc((n + 2) / 3 * 4 + 1);
    if (!s)
        return NULL;
    for (i = 0; i + 2 < n; i += 3) {
        uint32_t v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8) | in[i + 2];
        s[o++] = b64_alphabet[(v >> 18) & 63];
        s[o++] = b64_alphabet[(v >> 12) & 63];
        s[o++] = b64_alphabet[(v >> 6) & 63];
        s[o++] = b64_alphabet[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        s[o++] = b64_alphabet[(v >> 18) & 63];
        s[o++] = b64_alphabet[(v >> 12) & 63];
        s[o++] = i + 1 < n ? b64_alphabet[(v >> 6) & 63] : '=';
        s[o++] = '=';
    }
    s[o] = '\0';
    return s;
}
