#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Streaming JSON writer for log records.  Output accumulates in a growable
 * buffer; callers emit keys and values in order and take the text with
 * jw_take().
 */

struct json_writer {
    char *buf;
    size_t len;
    size_t cap;
    int need_comma;
    int depth;
};

static int jw_reserve(struct json_writer *w, size_t extra)
{
    size_t cap;
    char *p;

    if (w->len + extra <= w->cap)
        return 0;
    cap = w->cap ? w->cap : 64;
    while (cap < w->len + extra)
        cap *= 2;
    p = realloc(w->buf, cap);
    if (!p)
        return -1;
    w->buf = p;
    w->cap = cap;
    return 0;
}

static int jw_raw(struct json_writer *w, const char *s, size_t n)
{
    if (jw_reserve(w, n) < 0)
        return -1;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    return 0;
}

static int jw_sep(struct json_writer *w)
{
    if (w->need_comma && jw_raw(w, ",", 1) < 0)
        return -1;
    w->need_comma = 0;
    return 0;
}

/* Writes s[0..n) as a quoted JSON string, escaping as RFC 8259 requires. */
int jw_string(struct json_writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i;

    if (n > (SIZE_MAX - 2) / 6 || jw_reserve(w, n * 2 + 2) < 0)
        return -1;
    w->buf[w->len++] = '"';
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[6];
        size_t elen = 2;

        esc[0] = '\\';
        switch (c) {
        case '"':  esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            if (c < 0x20) {
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                elen = 6;
            } else {
                esc[0] = (char)c;
                elen = 1;
            }
        }
        memcpy(w->buf + w->len, esc, elen); // expect-warning: CWE-787
        w->len += elen;
    }
    return jw_raw(w, "\"", 1);
}

int jw_begin_object(struct json_writer *w)
{
    if (jw_sep(w) < 0 || jw_raw(w, "{", 1) < 0)
        return -1;
    w->depth++;
    return 0;
}

int jw_end_object(struct json_writer *w)
{
    if (w->depth == 0 || jw_raw(w, "}", 1) < 0)
        return -1;
    w->depth--;
    w->need_comma = 1;
    return 0;
}

int jw_field_str(struct json_writer *w, const char *key, const char *val, size_t vlen)
{
    if (jw_sep(w) < 0 || jw_string(w, key, strlen(key)) < 0 || jw_raw(w, ":", 1) < 0 ||
        jw_string(w, val, vlen) < 0)
        return -1;
    w->need_comma = 1;
    return 0;
}

int jw_field_int(struct json_writer *w, const char *key, long long v)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "%lld", v);

    if (jw_sep(w) < 0 || jw_string(w, key, strlen(key)) < 0 || jw_raw(w, ":", 1) < 0 ||
        jw_raw(w, num, (size_t)n) < 0)
        return -1;
    w->need_comma = 1;
    return 0;
}

/* Returns the NUL-terminated document and resets the writer. */
char *jw_take(struct json_writer *w)
{
    char *s;

    if (w->depth != 0 || jw_reserve(w, 1) < 0)
        return NULL;
    w->buf[w->len] = '\0';
    s = w->buf;
    memset(w, 0, sizeof(*w));
    return s;
}
