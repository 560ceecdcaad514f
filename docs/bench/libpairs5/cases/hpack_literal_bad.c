/* HPACK (RFC 7541) literal header field representations: prefixed
 * integers, string literals and static-table name references. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HPACK_INT_LIMIT 0x00ffffffu

enum hpack_kind {
    HPACK_INDEXED_NAME,
    HPACK_NEW_NAME
};

struct hpack_field {
    enum hpack_kind kind;
    int incremental;        /* 01xxxxxx: add to the dynamic table */
    int never_indexed;      /* 0001xxxx */
    int name_huffman;
    int value_huffman;
    uint32_t name_index;
    size_t name_len;
    size_t value_len;
};

static const char *const static_names[] = {
    NULL, ":authority", ":method", ":method", ":path", ":path", ":scheme",
    ":scheme", ":status", ":status", ":status", ":status", ":status",
    ":status", ":status", "accept-charset", "accept-encoding",
    "accept-language", "accept-ranges", "accept", "access-control-allow-origin",
    "age", "allow", "authorization", "cache-control", "content-disposition",
    "content-encoding", "content-language", "content-length",
    "content-location", "content-range", "content-type", "cookie", "date",
    "etag", "expect", "expires", "from", "host", "if-match",
    "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
    "last-modified", "link", "location", "max-forwards",
    "proxy-authenticate", "proxy-authorization", "range", "referer",
    "refresh", "retry-after", "server", "set-cookie",
    "strict-transport-security", "transfer-encoding", "user-agent", "vary",
    "via", "www-authenticate"
};

#define HPACK_STATIC_COUNT (sizeof(static_names) / sizeof(static_names[0]) - 1)

static int decode_int(const uint8_t *p, size_t n, size_t *off, unsigned prefix, uint32_t *out)
{
    uint32_t max = (1u << prefix) - 1, v;
    unsigned shift = 0;
    uint8_t b;

    if (*off >= n)
        return -1;
    v = p[(*off)++] & max;
    if (v < max) {
        *out = v;
        return 0;
    }
    do {
        if (*off >= n || shift > 21)
            return -1;
        b = p[(*off)++];
        v += (uint32_t)(b & 0x7f) << shift;
        shift += 7;
    } while (b & 0x80);
    if (v > HPACK_INT_LIMIT)
        return -1;
    *out = v;
    return 0;
}

static int decode_string(const uint8_t *p, size_t n, size_t *off, char *dst, size_t cap,
                         size_t *len, int *huffman)
{
    uint32_t slen;

    if (*off >= n)
        return -1;
    *huffman = p[*off] >> 7;
    if (decode_int(p, n, off, 7, &slen) < 0)
        return -1;
    if (slen > n - *off || slen >= cap)
        return -1;
    memcpy(dst, p + *off, slen); // expect-warning: CWE-787
    dst[slen] = '\0';
    *len = slen;
    *off += slen;
    return 0;
}

/* Decodes one literal header field at the start of buf.  Raw strings are
 * copied NUL-terminated; Huffman-coded ones are copied as they are and
 * flagged for the caller.  Returns the number of bytes consumed. */
long hpack_decode_literal(const uint8_t *buf, size_t len, struct hpack_field *f,
                          char *name, size_t name_cap, char *value, size_t value_cap)
{
    size_t off = 0;
    unsigned prefix;
    uint32_t idx;

    memset(f, 0, sizeof(*f));
    if (len == 0 || (buf[0] & 0x80))
        return -1;                      /* indexed field, not a literal */
    if ((buf[0] & 0xc0) == 0x40) {
        f->incremental = 1;
        prefix = 6;
    } else if ((buf[0] & 0xe0) == 0x20) {
        return -1;                      /* dynamic table size update */
    } else {
        f->never_indexed = (buf[0] & 0x10) != 0;
        prefix = 4;
    }
    if (decode_int(buf, len, &off, prefix, &idx) < 0)
        return -1;
    if (idx == 0) {
        f->kind = HPACK_NEW_NAME;
        if (decode_string(buf, len, &off, name, value_cap, &f->name_len, &f->name_huffman) < 0)
            return -1;
    } else {
        if (idx > HPACK_STATIC_COUNT)
            return -1;                  /* dynamic table names are not kept */
        f->kind = HPACK_INDEXED_NAME;
        f->name_index = idx;
        f->name_len = strlen(static_names[idx]);
        if (f->name_len >= name_cap)
            return -1;
        memcpy(name, static_names[idx], f->name_len + 1);
    }
    if (decode_string(buf, len, &off, value, value_cap, &f->value_len, &f->value_huffman) < 0)
        return -1;
    return (long)off;
}

int hpack_is_pseudo(const char *name)
{
    return name[0] == ':';
}
