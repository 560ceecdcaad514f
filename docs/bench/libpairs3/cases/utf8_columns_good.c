#include <stddef.h>
#include <stdint.h>

/*
 * UTF-8 helpers for a terminal line editor: decode code points, count
 * display columns and find the byte offset of a given column.  Invalid
 * sequences are rendered as U+FFFD and consume a single byte.
 */

#define UTF8_REPLACEMENT 0xfffdu

struct utf8_span {
    size_t bytes;
    size_t codepoints;
    size_t columns;
    size_t invalid;
};

static int seq_length(uint8_t lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef)
        return 3;
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    return 0;
}

/* Decodes one code point at s[i]; returns the number of bytes consumed. */
size_t utf8_next(const uint8_t *s, size_t len, size_t i, uint32_t *cp)
{
    int n = seq_length(s[i]), k;
    uint32_t c;

    if (n == 0 || (size_t)n > len - i) {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    if (n == 1) {
        *cp = s[i];
        return 1;
    }
    c = s[i] & (0x7f >> n);
    for (k = 1; k < n; k++) {
        uint8_t b = s[i + k];
        if ((b & 0xc0) != 0x80) {
            *cp = UTF8_REPLACEMENT;
            return 1;
        }
        c = (c << 6) | (b & 0x3f);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
        (c >= 0xd800 && c <= 0xdfff)) {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

/* Rough wcwidth(): combining marks are zero width, East Asian wide are two. */
static int cp_columns(uint32_t c)
{
    if (c == 0)
        return 0;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        return -1;
    if ((c >= 0x300 && c <= 0x36f) || c == 0x200b)
        return 0;
    if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xff00 && c <= 0xff60) || (c >= 0x1f300 && c <= 0x1faff))
        return 2;
    return 1;
}

void utf8_measure(const uint8_t *s, size_t len, struct utf8_span *out)
{
    size_t i = 0;
    uint32_t cp;

    out->bytes = len;
    out->codepoints = out->columns = out->invalid = 0;
    while (i < len) {
        size_t n = utf8_next(s, len, i, &cp);
        int w = cp_columns(cp);

        if (cp == UTF8_REPLACEMENT && n == 1 && s[i] >= 0x80)
            out->invalid++;
        out->columns += w < 0 ? 2 : (size_t)w; /* control chars shown as ^X */
        out->codepoints++;
        i += n;
    }
}

/* Byte offset at which display column col starts (or len if past the end). */
size_t utf8_column_offset(const uint8_t *s, size_t len, size_t col)
{
    size_t i = 0, c = 0;
    uint32_t cp;

    while (i < len) {
        size_t n = utf8_next(s, len, i, &cp);
        int w = cp_columns(cp);

        c += w < 0 ? 2 : (size_t)w;
        if (c > col)
            return i;
        i += n;
    }
    return len;
}
