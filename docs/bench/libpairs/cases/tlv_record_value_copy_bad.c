#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TLV_MAX_VALUE 64

struct tlv_record {
    uint8_t type;
    uint8_t length;
    uint8_t value[TLV_MAX_VALUE];
};

struct tlv_cursor {
    const uint8_t *data;
    size_t size;
    size_t pos;
};

void tlv_cursor_init(struct tlv_cursor *c, const uint8_t *data, size_t size)
{
    c->data = data;
    c->size = size;
    c->pos = 0;
}

/* Returns 1 when a record was read, 0 at end of input, -1 on malformed input. */
int tlv_next(struct tlv_cursor *c, struct tlv_record *rec)
{
    size_t avail;
    const uint8_t *p;
    uint8_t len;

    if (c->pos > c->size)
        return -1;
    avail = c->size - c->pos;
    p = c->data + c->pos;
    if (avail == 0)
        return 0;
    if (avail < 2)
        return -1;

    len = p[1];
    if ((size_t)len > avail - 2)
        return -1;

    rec->type = p[0];
    rec->length = len;
    memcpy(rec->value, p + 2, len);  // expect-warning: CWE-787
    c->pos += 2 + (size_t)len;
    return 1;
}

/* Scans a TLV stream for the first record of the given type. */
int tlv_find(const uint8_t *data, size_t size, uint8_t type, struct tlv_record *out)
{
    struct tlv_cursor c;
    int rc;

    tlv_cursor_init(&c, data, size);
    while ((rc = tlv_next(&c, out)) > 0) {
        if (out->type == type)
            return 1;
    }
    return rc;
}
