/* WebAssembly binary module scanner: section table, a few section
 * counts, the start function and custom section names. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define WASM_MAX_SECTIONS 32

enum {
    WASM_SEC_CUSTOM = 0, WASM_SEC_TYPE = 1, WASM_SEC_IMPORT = 2,
    WASM_SEC_FUNCTION = 3, WASM_SEC_EXPORT = 7, WASM_SEC_START = 8,
    WASM_SEC_CODE = 10, WASM_SEC_DATACOUNT = 12
};

struct wasm_section {
    uint8_t id;
    size_t off;
    size_t size;
    const uint8_t *name;        /* custom sections only */
    uint32_t name_len;
};

struct wasm_module {
    struct wasm_section sec[WASM_MAX_SECTIONS];
    unsigned nsec;
    uint32_t ntypes, nimports, nfuncs, nexports, ncode;
    int has_start;
    uint32_t start_func;
};

/* Reads an unsigned LEB128 value of at most 32 bits; returns the number of
 * bytes used, 0 if the encoding is invalid. */
static size_t uleb32(const uint8_t *p, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    size_t i;

    for (i = 0; i < n && i < 5; i++) {
        v |= (uint32_t)(p[i] & 0x7f) << (7 * i);
        if (!(p[i] & 0x80)) {
            if (i == 4 && p[i] > 0x0f)
                return 0;
            *out = v;
            return i + 1;
        }
    }
    return 0;
}

static int read_count(const uint8_t *p, size_t size, uint32_t *count)
{
    uint32_t v;
    size_t k = uleb32(p, size, &v);

    if (!k || v > size - k)         /* every entry takes at least a byte */
        return -1;
    *count = v;
    return 0;
}

static int section_body(struct wasm_module *m, struct wasm_section *s, const uint8_t *p)
{
    size_t k;

    switch (s->id) {
    case WASM_SEC_CUSTOM:
        if (!(k = uleb32(p, s->size, &s->name_len)) || s->name_len > s->size - k)
            return -1;
        s->name = p + k;
        return 0;
    case WASM_SEC_TYPE:
        return read_count(p, s->size, &m->ntypes);
    case WASM_SEC_IMPORT:
        return read_count(p, s->size, &m->nimports);
    case WASM_SEC_FUNCTION:
        return read_count(p, s->size, &m->nfuncs);
    case WASM_SEC_EXPORT:
        return read_count(p, s->size, &m->nexports);
    case WASM_SEC_CODE:
        return read_count(p, s->size, &m->ncode);
    case WASM_SEC_START:
        if (!(k = uleb32(p, s->size, &m->start_func)) || k != s->size)
            return -1;
        m->has_start = 1;
        return 0;
    default:
        return s->id <= WASM_SEC_DATACOUNT ? 0 : -1;
    }
}

int wasm_scan(const uint8_t *buf, size_t len, struct wasm_module *m)
{
    static const uint8_t hdr[8] = { 0, 'a', 's', 'm', 1, 0, 0, 0 };
    struct wasm_section *s;
    size_t off = 8, k;
    uint32_t size;
    uint8_t id, last = 0;

    memset(m, 0, sizeof(*m));
    if (len < 8 || memcmp(buf, hdr, 8) != 0)
        return -1;
    while (off < len) {
        id = buf[off++];
        if (!(k = uleb32(buf + off, len - off, &size)))
            return -1;
        off += k;
        if (size > len - off)
            return -1;
        if (id != WASM_SEC_CUSTOM) {
            if (id <= last && !(id == WASM_SEC_DATACOUNT || last == WASM_SEC_DATACOUNT))
                return -1;
            last = id;
        }
        if (m->nsec == WASM_MAX_SECTIONS)
            return -1;
        s = &m->sec[m->nsec++];
        s->id = id;
        s->off = off;
        s->size = size;
        if (section_body(m, s, buf + off) < 0)
            return -1;
        off += size;
    }
    if (m->nfuncs != m->ncode)
        return -1;
    return 0;
}

const struct wasm_section *wasm_custom_section(const struct wasm_module *m, const char *name)
{
    size_t n = strlen(name);
    unsigned i;

    for (i = 0; i < m->nsec; i++)
        if (m->sec[i].id == WASM_SEC_CUSTOM && m->sec[i].name_len == n &&
            memcmp(m->sec[i].name, name, n) == 0)
            return &m->sec[i];
    return NULL;
}
