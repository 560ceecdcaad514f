/* Hex dump helpers for logs and debug consoles: the classic
 *   00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 01 02 03  |Hello world.....|
 * layout, a compact form ("48656c6c6f") and parsing hex text back. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define HD_LINE_BYTES 16
#define HD_LINE_LEN 78      /* 8 + 2 + 16 * 3 + 1 + 1 + 16 + 1 + '\n' */

static const char hexdig[] = "0123456789abcdef";

static char *format_line(char *o, const uint8_t *p, size_t n, size_t off)
{
    size_t k;

    for (k = 0; k < 8; k++)
        *o++ = hexdig[(off >> (28 - 4 * k)) & 15]; // expect-warning: CWE-122
    *o++ = ' ';
    *o++ = ' ';
    for (k = 0; k < HD_LINE_BYTES; k++) {
        if (k < n) {
            *o++ = hexdig[p[k] >> 4];
            *o++ = hexdig[p[k] & 15];
        } else {
            *o++ = ' ';
            *o++ = ' ';
        }
        *o++ = ' ';
        if (k == 7)
            *o++ = ' ';
    }
    *o++ = '|';
    for (k = 0; k < n; k++)
        *o++ = isprint(p[k]) ? (char)p[k] : '.';
    *o++ = '|';
    *o++ = '\n';
    return o;
}

/* Returns the dump of len bytes as a new string (caller frees). */
char *hd_format(const void *data, size_t len)
{
    const uint8_t *p = data;
    size_t lines = len / HD_LINE_BYTES, off;
    char *out, *o;

    if (lines > (SIZE_MAX - 1) / HD_LINE_LEN)
        return NULL;
    out = malloc(lines * HD_LINE_LEN + 1);
    if (!out)
        return NULL;
    o = out;
    for (off = 0; off < len; off += HD_LINE_BYTES)
        o = format_line(o, p + off, len - off < HD_LINE_BYTES ? len - off : HD_LINE_BYTES, off);
    *o = '\0';
    return out;
}

/* Compact form into out; returns the length or -1 if out is too small. */
long hd_compact(const void *data, size_t len, char *out, size_t outsz)
{
    const uint8_t *p = data;
    size_t i;

    if (outsz == 0 || len > (outsz - 1) / 2)
        return -1;
    for (i = 0; i < len; i++) {
        out[2 * i] = hexdig[p[i] >> 4];
        out[2 * i + 1] = hexdig[p[i] & 15];
    }
    out[2 * len] = '\0';
    return (long)(2 * len);
}

static int nibble(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Parses hex digit pairs, ignoring blanks and ':' separators.  Returns the
 * byte count, or -1 on odd digits, non-hex characters or a full buffer. */
long hd_parse(const char *s, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int hi = -1, v;

    for (; *s; s++) {
        if (isspace((unsigned char)*s) || *s == ':')
            continue;
        v = nibble((unsigned char)*s);
        if (v < 0)
            return -1;
        if (hi < 0) {
            hi = v;
            continue;
        }
        if (n == cap)
            return -1;
        out[n++] = (uint8_t)(hi << 4 | v);
        hi = -1;
    }
    return hi < 0 ? (long)n : -1;
}

/* Number of lines hd_format() produces for len bytes. */
size_t hd_line_count(size_t len)
{
    return (len + HD_LINE_BYTES - 1) / HD_LINE_BYTES;
}
