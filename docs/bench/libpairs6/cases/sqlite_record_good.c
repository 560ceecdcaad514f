/* SQLite record format: header of serial types followed by the column
 * bodies; typed accessors for integers and text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REC_MAX_COLUMNS 64
#define REC_MAX_HEADER 98307

struct rec_column {
    uint64_t serial;
    size_t offset;
    size_t size;
};

struct sqlite_record {
    const uint8_t *data;
    size_t len;
    size_t header_size;
    unsigned ncols;
    struct rec_column cols[REC_MAX_COLUMNS];
};

/* Reads a big-endian base-128 varint of at most nine bytes from
 * [p, end); returns the number of bytes used or 0. */
static unsigned get_varint(const uint8_t *p, const uint8_t *end, uint64_t *v)
{
    uint64_t x = 0;
    unsigned i;

    for (i = 0; i < 8 && p + i < end; i++) {
        x = x << 7 | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *v = x;
            return i + 1;
        }
    }
    if (i == 8 && p + 8 < end) {
        *v = x << 8 | p[8];
        return 9;
    }
    return 0;
}

static size_t serial_size(uint64_t t)
{
    static const uint8_t fixed[10] = { 0, 1, 2, 3, 4, 6, 8, 8, 0, 0 };

    if (t < 10)
        return fixed[t];
    if (t < 12)
        return (size_t)-1;
    return (size_t)((t - 12) / 2);
}

static int read_header(struct sqlite_record *r)
{
    const uint8_t *p = r->data;
    uint64_t hsz, t;
    size_t off;
    unsigned n;

    n = get_varint(p, p + r->len, &hsz);
    if (n == 0 || hsz < n || hsz > REC_MAX_HEADER || hsz > r->len)
        return -1;
    r->header_size = (size_t)hsz;
    off = r->header_size;
    p += n;
    while (p < r->data + r->header_size) {
        if (r->ncols >= REC_MAX_COLUMNS)
            return -1;
        n = get_varint(p, r->data + r->header_size, &t);
        if (n == 0)
            return -1;
        p += n;
        r->cols[r->ncols].serial = t;
        r->cols[r->ncols].size = serial_size(t);
        if (r->cols[r->ncols].size > r->len || off > r->len - r->cols[r->ncols].size)
            return -1;
        r->cols[r->ncols].offset = off;
        off += r->cols[r->ncols].size;
        r->ncols++;
    }
    return 0;
}

struct sqlite_record *sqlite_record_open(const uint8_t *data, size_t len)
{
    struct sqlite_record *r = calloc(1, sizeof(*r));

    if (!r)
        return NULL;
    r->data = data;
    r->len = len;
    if (len == 0 || read_header(r) < 0) {
        free(r);
        return NULL;
    }
    return r;
}

void sqlite_record_close(struct sqlite_record *r)
{
    free(r);
}

unsigned sqlite_record_columns(const struct sqlite_record *r)
{
    return r->ncols;
}

int sqlite_record_int(const struct sqlite_record *r, unsigned i, int64_t *out)
{
    const struct rec_column *c;
    const uint8_t *p;
    uint64_t v = 0;
    size_t k;

    if (i >= r->ncols)
        return -1;
    c = &r->cols[i];
    if (c->serial == 8 || c->serial == 9) {
        *out = (int64_t)(c->serial - 8);
        return 0;
    }
    if (c->serial < 1 || c->serial > 6)
        return -1;
    p = r->data + c->offset;
    for (k = 0; k < c->size; k++)
        v = v << 8 | p[k];
    if (c->size < 8 && (p[0] & 0x80))
        v |= ~(uint64_t)0 << (8 * c->size);
    *out = (int64_t)v;
    return 0;
}

/* Copies a text column into out as a NUL-terminated string, truncating
 * to cap - 1 bytes; returns the full length or -1. */
long sqlite_record_text(const struct sqlite_record *r, unsigned i, char *out, size_t cap)
{
    const struct rec_column *c;
    size_t n;

    if (i >= r->ncols || cap == 0)
        return -1;
    c = &r->cols[i];
    if (c->serial < 13 || (c->serial & 1) == 0)
        return -1;
    n = c->size < cap - 1 ? c->size : cap - 1;
    memcpy(out, r->data + c->offset, n);
    out[n] = '\0';
    return (long)c->size;
}
