#include <stdint.h>
#include <stddef.h>
#include <string.h>

enum {
    TLV_END = 0,
    TLV_NAME = 1,
    TLV_VERSION = 2,
    TLV_VENDOR = 3,
    TLV_SERIAL = 4
};

struct device_desc {
    char name[32];
    char vendor[32];
    char serial[16];
    uint16_t version;
    unsigned unknown_fields;
};

static void copy_field(char *dst, size_t dstsz, const uint8_t *src, size_t n)
{
    if (n >= dstsz)
        n = dstsz - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int tlv_parse_device(const uint8_t *buf, size_t len, struct device_desc *d)
{
    size_t off = 0;

    memset(d, 0, sizeof(*d));
    while (off + 2 <= len) {
        uint8_t type = buf[off];
        uint8_t vlen = buf[off + 1];
        const uint8_t *val = buf + off + 2;

        if (type == TLV_END)
            return 0;
        if (vlen > len - off - 2)
            return -1;
        switch (type) {
        case TLV_NAME:
            copy_field(d->name, sizeof(d->name), val, vlen);
            break;
        case TLV_VENDOR:
            copy_field(d->vendor, sizeof(d->vendor), val, vlen);
            break;
        case TLV_SERIAL:
            copy_field(d->serial, sizeof(d->serial), val, vlen);
            break;
        case TLV_VERSION:
            if (vlen != 2)
                return -1;
            d->version = (uint16_t)((val[0] << 8) | val[1]);
            break;
        default:
            d->unknown_fields++;
            break;
        }
        off += 2 + (size_t)vlen;
    }
    return off == len ? 0 : -1;
}

int device_is_named(const struct device_desc *d)
{
    return d->name[0] != '\0';
}
