/* UTF-8 <-> UTF-16 conversion into caller-provided buffers (sizes in code
 * units), as used for wide-character file names and UI strings. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define U16_REPLACEMENT 0xfffd

/* Decodes one code point from s[0..len); returns its byte length (0 on
 * malformed input). */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    size_t n, i;
    uint32_t c = s[0];

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if ((c & 0xe0) == 0xc0) { n = 2; c &= 0x1f; }
    else if ((c & 0xf0) == 0xe0) { n = 3; c &= 0x0f; }
    else if ((c & 0xf8) == 0xf0) { n = 4; c &= 0x07; }
    else return 0;
    if (n > len)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
        c > 0x10ffff || (c >= 0xd800 && c < 0xe000))
        return 0;
    *cp = c;
    return n;
}

/* Converts UTF-8 to UTF-16; malformed sequences become U+FFFD.  Returns
 * the number of code units written (no terminator), or -1 if out is too
 * small. */
long utf8_to_utf16(const char *src, size_t len, uint16_t *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, o = 0, k;
    uint32_t cp;

    while (i < len) {
        k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            cp = U16_REPLACEMENT;
            k = 1;
        }
        if (o >= cap)
            return -1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (uint16_t)(0xd800 | cp >> 10);
            out[o++] = (uint16_t)(0xdc00 | (cp & 0x3ff)); // expect-warning: CWE-787
        } else {
            out[o++] = (uint16_t)cp;
        }
        i += k;
    }
    return (long)o;
}

/* Number of UTF-16 code units needed for src. */
size_t utf16_length(const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, n = 0, k;
    uint32_t cp;

    while (i < len) {
        k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            cp = U16_REPLACEMENT;
            k = 1;
        }
        n += cp >= 0x10000 ? 2 : 1;
        i += k;
    }
    return n;
}

/* Converts UTF-16 to NUL-terminated UTF-8; unpaired surrogates become
 * U+FFFD.  Returns bytes written (without NUL) or -1 if dst is too small. */
long utf16_to_utf8(const uint16_t *src, size_t n, char *dst, size_t dstsz)
{
    size_t i = 0, o = 0;

    while (i < n) {
        uint32_t c = src[i++];

        if (c >= 0xd800 && c < 0xdc00 && i < n && src[i] >= 0xdc00 && src[i] < 0xe000)
            c = 0x10000 + ((c - 0xd800) << 10) + (src[i++] - 0xdc00);
        else if (c >= 0xd800 && c < 0xe000)
            c = U16_REPLACEMENT;
        if (dstsz - o < 5)
            return -1;
        if (c < 0x80) {
            dst[o++] = (char)c;
        } else if (c < 0x800) {
            dst[o++] = (char)(0xc0 | c >> 6);
            dst[o++] = (char)(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            dst[o++] = (char)(0xe0 | c >> 12);
            dst[o++] = (char)(0x80 | (c >> 6 & 0x3f));
            dst[o++] = (char)(0x80 | (c & 0x3f));
        } else {
            dst[o++] = (char)(0xf0 | c >> 18);
            dst[o++] = (char)(0x80 | (c >> 12 & 0x3f));
            dst[o++] = (char)(0x80 | (c >> 6 & 0x3f));
            dst[o++] = (char)(0x80 | (c & 0x3f));
        }
    }
    if (o >= dstsz)
        return -1;
    dst[o] = '\0';
    return (long)o;
}
