#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Decoder for the "SampleSet" wire message (protobuf encoding):
 *
 *   message SampleSet {
 *     uint32 sensor_id = 1;
 *     string unit      = 2;
 *     uint32 count     = 3;   // number of entries in values
 *     repeated uint32 values = 4 [packed = true];
 *   }
 */

struct sample_set {
    uint32_t sensor_id;
    char unit[16];
    uint32_t count;
    uint32_t *values;
    size_t nvalues;
};

struct pb_reader {
    const uint8_t *p;
    const uint8_t *end;
};

static int pb_varint(struct pb_reader *r, uint64_t *out)
{
    uint64_t v = 0;
    int shift = 0;

    while (r->p < r->end && shift < 64) {
        uint8_t b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 0;
        }
        shift += 7;
    }
    return -1;
}

static int pb_bytes(struct pb_reader *r, const uint8_t **data, size_t *len)
{
    uint64_t n;

    if (pb_varint(r, &n) < 0 || n > (uint64_t)(r->end - r->p))
        return -1;
    *data = r->p;
    *len = (size_t)n;
    r->p += n;
    return 0;
}

static int decode_values(struct sample_set *s, const uint8_t *data, size_t len)
{
    struct pb_reader r = { data, data + len };
    uint64_t v;

    if (s->values == NULL) {
        if (s->count == 0 || s->count > 4096)
            return -1;
        s->values = malloc(s->count * sizeof(*s->values));
        if (!s->values)
            return -1;
    }
    while (r.p < r.end) {
        if (pb_varint(&r, &v) < 0 || v > UINT32_MAX)
            return -1;
        if (s->nvalues >= s->count)
            return -1;
        s->values[s->nvalues++] = (uint32_t)v;
    }
    return 0;
}

void sample_set_clear(struct sample_set *s)
{
    free(s->values);
    memset(s, 0, sizeof(*s));
}

/* Decodes one message. On failure the set is cleared and -1 returned. */
int sample_set_decode(struct sample_set *s, const uint8_t *buf, size_t len)
{
    struct pb_reader r = { buf, buf + len };
    const uint8_t *data;
    size_t dlen;
    uint64_t key, v;

    memset(s, 0, sizeof(*s));
    while (r.p < r.end) {
        if (pb_varint(&r, &key) < 0)
            goto fail;
        switch (key) {
        case (1 << 3) | 0:
            if (pb_varint(&r, &v) < 0)
                goto fail;
            s->sensor_id = (uint32_t)v;
            break;
        case (2 << 3) | 2:
            if (pb_bytes(&r, &data, &dlen) < 0 || dlen >= sizeof(s->unit))
                goto fail;
            memcpy(s->unit, data, dlen);
            s->unit[dlen] = '\0';
            break;
        case (3 << 3) | 0:
            if (pb_varint(&r, &v) < 0 || s->values != NULL || v > UINT32_MAX)
                goto fail;
            s->count = (uint32_t)v;
            break;
        case (4 << 3) | 2:
            if (pb_bytes(&r, &data, &dlen) < 0 || decode_values(s, data, dlen) < 0)
                goto fail;
            break;
        default:
            goto fail;
        }
    }
    return 0;
fail:
    sample_set_clear(s);
    return -1;
}
