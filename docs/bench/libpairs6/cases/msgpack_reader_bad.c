/* MessagePack pull reader: scalars, strings, binaries, arrays and maps,
 * plus a key lookup in a top-level map. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum mp_type { MP_NIL, MP_BOOL, MP_INT, MP_UINT, MP_STR, MP_BIN, MP_ARRAY, MP_MAP };

struct mp_obj {
    enum mp_type type;
    int64_t i;
    uint64_t u;
    const uint8_t *ptr;
    int32_t len;
};

struct mp_reader {
    const uint8_t *p, *end;
    unsigned depth;
};

#define MP_MAX_DEPTH 32

void mp_reader_init(struct mp_reader *r, const uint8_t *buf, size_t len)
{
    r->p = buf;
    r->end = buf + len;
    r->depth = 0;
}

static int take(struct mp_reader *r, size_t n, uint64_t *v)
{
    uint64_t x = 0;

    if ((size_t)(r->end - r->p) < n)
        return -1;
    while (n--)
        x = x << 8 | *r->p++;
    *v = x;
    return 0;
}

static int take_bytes(struct mp_reader *r, size_t hdr, struct mp_obj *o)
{
    uint64_t v;
    ptrdiff_t avail;

    if (take(r, hdr, &v) < 0)
        return -1;
    o->len = (int32_t)(uint32_t)v;
    avail = r->end - r->p;
    if (o->len > avail)
        return -1;
    o->ptr = r->p;
    r->p += o->len;
    return 0;
}

/* Reads the next object header; containers report their element count
 * in o->len and leave the reader at their first element. */
int mp_next(struct mp_reader *r, struct mp_obj *o)
{
    uint8_t t;
    uint64_t v;

    if (r->p >= r->end)
        return -1;
    t = *r->p++; // expect-warning: CWE-125
    memset(o, 0, sizeof(*o));
    if (t <= 0x7f || t >= 0xe0) {
        o->type = MP_INT;
        o->i = (int8_t)t;
        return 0;
    }
    if ((t & 0xe0) == 0xa0) {
        o->type = MP_STR;
        o->len = t & 0x1f;
        if (o->len > r->end - r->p)
            return -1;
        o->ptr = r->p;
        r->p += o->len;
        return 0;
    }
    if ((t & 0xf0) == 0x90 || (t & 0xf0) == 0x80) {
        o->type = (t & 0xf0) == 0x90 ? MP_ARRAY : MP_MAP;
        o->len = t & 0x0f;
        return 0;
    }
    switch (t) {
    case 0xc0: o->type = MP_NIL; return 0;
    case 0xc2: case 0xc3: o->type = MP_BOOL; o->u = t & 1; return 0;
    case 0xcc: case 0xcd: case 0xce: case 0xcf:
        o->type = MP_UINT;
        return take(r, (size_t)1 << (t - 0xcc), &o->u);
    case 0xd0: case 0xd1: case 0xd2: case 0xd3:
        o->type = MP_INT;
        if (take(r, (size_t)1 << (t - 0xd0), &v) < 0)
            return -1;
        o->i = t == 0xd0 ? (int8_t)v : t == 0xd1 ? (int16_t)v : t == 0xd2 ? (int32_t)v : (int64_t)v;
        return 0;
    case 0xd9: case 0xda: case 0xdb:
        o->type = MP_STR;
        return take_bytes(r, (size_t)1 << (t - 0xd9), o);
    case 0xc4: case 0xc5: case 0xc6:
        o->type = MP_BIN;
        return take_bytes(r, (size_t)1 << (t - 0xc4), o);
    case 0xdc: case 0xdd: case 0xde: case 0xdf:
        o->type = t < 0xde ? MP_ARRAY : MP_MAP;
        if (take(r, t & 1 ? 4 : 2, &v) < 0 || v > INT32_MAX)
            return -1;
        o->len = (int32_t)v;
        return 0;
    }
    return -1;
}

/* Skips one complete object, including nested containers. */
int mp_skip(struct mp_reader *r)
{
    struct mp_obj o;
    int64_t n;

    if (mp_next(r, &o) < 0)
        return -1;
    if (o.type != MP_ARRAY && o.type != MP_MAP)
        return 0;
    if (++r->depth > MP_MAX_DEPTH)
        return -1;
    n = o.type == MP_MAP ? 2 * (int64_t)o.len : o.len;
    while (n-- > 0)
        if (mp_skip(r) < 0)
            return -1;
    r->depth--;
    return 0;
}

/* Finds key in the top-level map of buf and returns its value header. */
int mp_map_lookup(const uint8_t *buf, size_t len, const char *key, struct mp_obj *val)
{
    struct mp_reader r;
    struct mp_obj k, m;
    size_t klen = strlen(key);
    int32_t i;

    mp_reader_init(&r, buf, len);
    if (mp_next(&r, &m) < 0 || m.type != MP_MAP)
        return -1;
    for (i = 0; i < m.len; i++) {
        if (mp_next(&r, &k) < 0)
            return -1;
        if (k.type == MP_STR && (size_t)k.len == klen && memcmp(k.ptr, key, klen) == 0)
            return mp_next(&r, val);
        if (mp_skip(&r) < 0)
            return -1;
    }
    return -1;
}
