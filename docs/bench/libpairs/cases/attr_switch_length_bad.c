#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum attr_type { ATTR_U8 = 1, ATTR_U16, ATTR_U32, ATTR_U64, ATTR_STR };

struct attr {
    uint8_t type;
    uint8_t len;
    uint8_t value[255];
};

/* Decodes one attribute: type(1) [len(1) for strings] value. */
static int attr_decode(const uint8_t *p, size_t n, struct attr *a, size_t *used)
{
    size_t vlen;
    size_t hdr = 1;

    if (n < 1)
        return -1;
    switch (p[0]) {
    case ATTR_U8:
        vlen = 1;
        break;
    case ATTR_U16:
        vlen = 2;
        break;
    case ATTR_U32:
        vlen = 4;
        break;
    case ATTR_U64:
        vlen = 8;
        break;
    case ATTR_STR:
        if (n < 2)
            return -1;
        vlen = p[1];
        hdr = 2;
        break;
    default:
        break;
    }
    if (vlen > n - hdr)  // expect-warning: CWE-457
        return -1;
    a->type = p[0];
    a->len = (uint8_t)vlen;
    memcpy(a->value, p + hdr, vlen);
    *used = hdr + vlen;
    return 0;
}

/* Returns the value of the first unsigned attribute of the given type. */
int attrs_get_uint(const uint8_t *p, size_t n, uint8_t type, uint64_t *out)
{
    struct attr a;
    size_t off = 0, used, i;

    while (off < n) {
        if (attr_decode(p + off, n - off, &a, &used) < 0)
            return -1;
        off += used;
        if (a.type != type || a.type == ATTR_STR)
            continue;
        *out = 0;
        for (i = 0; i < a.len; i++)
            *out = (*out << 8) | a.value[i];
        return 0;
    }
    return -1;
}
