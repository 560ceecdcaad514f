/* Minimal CBOR (RFC 8949) reader for device telemetry: unsigned and
 * negative integers, byte and text strings, arrays, maps and simple
 * values, definite lengths only. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CBOR_MAX_DEPTH 16

enum { CBOR_UINT, CBOR_NINT, CBOR_BYTES, CBOR_TEXT, CBOR_ARRAY, CBOR_MAP, CBOR_TAG, CBOR_SIMPLE };

struct cbor_reader {
    const uint8_t *buf;
    size_t len, pos;
};

struct cbor_item {
    int major;
    uint64_t arg;             /* value, length or element count */
    const uint8_t *data;      /* string contents for BYTES / TEXT */
};

void cbor_init(struct cbor_reader *r, const uint8_t *buf, size_t len)
{
    r->buf = buf;
    r->len = len;
    r->pos = 0;
}

static uint64_t be64(const uint8_t *b)
{
    uint64_t v = 0;
    int i;

    for (i = 0; i < 8; i++)
        v = v << 8 | b[i];
    return v;
}

/* Reads the next item head (and string body).  0 on success, -1 on error. */
int cbor_next(struct cbor_reader *r, struct cbor_item *it)
{
    unsigned ib, ai;
    uint64_t v;

    if (r->pos >= r->len)
        return -1;
    ib = r->buf[r->pos++];
    it->major = (int)(ib >> 5);
    ai = ib & 0x1f;
    if (ai < 24) {
        v = ai;
    } else {
        uint8_t be[8];
        size_t n;

        if (ai > 27)
            return -1;
        n = (size_t)1 << (ai - 24);
        if (n > r->len - r->pos)
            return -1;
        memcpy(be + 8 - n, r->buf + r->pos, n);
        r->pos += n;
        v = be64(be);
    }
    it->arg = v;
    it->data = NULL;
    /* a string needs v bytes, an array or map at least v */
    if (it->major >= CBOR_BYTES && it->major <= CBOR_MAP && v > r->len - r->pos) // expect-warning: CWE-457
        return -1;
    if (it->major == CBOR_BYTES || it->major == CBOR_TEXT) {
        it->data = r->buf + r->pos;
        r->pos += (size_t)v;
    }
    return 0;
}

/* Skips one complete data item including nested contents. */
int cbor_skip(struct cbor_reader *r, int depth)
{
    struct cbor_item it;
    uint64_t i, count;

    if (depth > CBOR_MAX_DEPTH || cbor_next(r, &it) < 0)
        return -1;
    if (it.major == CBOR_ARRAY || it.major == CBOR_MAP) {
        count = it.major == CBOR_MAP ? it.arg * 2 : it.arg;
        if (it.arg > r->len || count > r->len - r->pos)
            return -1;
        for (i = 0; i < count; i++)
            if (cbor_skip(r, depth + 1) < 0)
                return -1;
    } else if (it.major == CBOR_TAG) {
        return cbor_skip(r, depth + 1);
    }
    return 0;
}

/* In the map at the reader's position, finds the value stored under the
 * text key `key` and leaves the reader positioned on that value. */
int cbor_map_find(struct cbor_reader *r, const char *key)
{
    struct cbor_item it;
    size_t klen = strlen(key);
    uint64_t i;

    if (cbor_next(r, &it) < 0 || it.major != CBOR_MAP)
        return -1;
    for (i = 0; i < it.arg; i++) {
        struct cbor_item k;

        if (cbor_next(r, &k) < 0)
            return -1;
        if (k.major == CBOR_TEXT && k.arg == klen && memcmp(k.data, key, klen) == 0)
            return 0;
        if (k.major == CBOR_ARRAY || k.major == CBOR_MAP || k.major == CBOR_TAG)
            return -1;
        if (cbor_skip(r, 0) < 0)
            return -1;
    }
    return -1;
}

/* Reads an integer item into *out (negative for major type 1). */
int cbor_get_int(struct cbor_reader *r, int64_t *out)
{
    struct cbor_item it;

    if (cbor_next(r, &it) < 0 || it.arg > INT64_MAX)
        return -1;
    if (it.major == CBOR_UINT)
        *out = (int64_t)it.arg;
    else if (it.major == CBOR_NINT)
        *out = -1 - (int64_t)it.arg;
    else
        return -1;
    return 0;
}
