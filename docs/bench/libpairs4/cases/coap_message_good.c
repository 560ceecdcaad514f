/* CoAP (RFC 7252) message decoding for a caching proxy: header, token,
 * options (Uri-Path, Content-Format, Max-Age) and payload. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define COAP_OPT_URI_PATH 11
#define COAP_OPT_CONTENT_FORMAT 12
#define COAP_OPT_MAX_AGE 14
#define COAP_DEFAULT_MAX_AGE 60
#define COAP_NO_FORMAT 0xffffffffu

struct coap_msg {
    uint8_t type, code, tkl;
    uint16_t mid;
    uint8_t token[8];
    uint32_t content_format, max_age;
    char path[128];
    size_t path_len;
    const uint8_t *payload;
    size_t payload_len;
};

static uint32_t opt_uint(const uint8_t *p, size_t n)
{
    uint32_t v = 0;

    while (n--)
        v = v << 8 | *p++;
    return v;
}

/* Reads an option delta or length nibble with its extended bytes. */
static int opt_ext(const uint8_t *d, size_t len, size_t *pos, unsigned nib, uint32_t *out)
{
    if (nib < 13) {
        *out = nib;
    } else if (nib == 13) {
        if (*pos >= len)
            return -1;
        *out = 13u + d[(*pos)++];
    } else if (nib == 14) {
        if (len - *pos < 2)
            return -1;
        *out = 269u + (uint32_t)(d[*pos] << 8 | d[*pos + 1]);
        *pos += 2;
    } else {
        return -1;
    }
    return 0;
}

struct coap_msg *coap_parse(const uint8_t *d, size_t len)
{
    struct coap_msg *m;
    size_t pos = 4;
    uint32_t num = 0;

    if (len < 4 || d[0] >> 6 != 1 || (d[0] & 0x0f) > 8)
        return NULL;
    m = malloc(sizeof(*m));
    if (!m)
        return NULL;
    m->type = (d[0] >> 4) & 3;
    m->tkl = d[0] & 0x0f;
    m->code = d[1];
    m->mid = (uint16_t)(d[2] << 8 | d[3]);
    m->content_format = COAP_NO_FORMAT;
    m->max_age = COAP_DEFAULT_MAX_AGE;
    m->path_len = 0;
    m->path[0] = '\0';
    m->payload = NULL;
    m->payload_len = 0;
    if (len - pos < m->tkl)
        goto fail;
    memcpy(m->token, d + pos, m->tkl);
    pos += m->tkl;
    while (pos < len && d[pos] != 0xff) {
        unsigned b = d[pos++];
        uint32_t delta, olen;

        if (opt_ext(d, len, &pos, b >> 4, &delta) < 0 || opt_ext(d, len, &pos, b & 15, &olen) < 0 ||
            olen > len - pos)
            goto fail;
        num += delta;
        if (num == COAP_OPT_URI_PATH) {
            if (m->path_len + 1 + olen >= sizeof(m->path))
                goto fail;
            m->path[m->path_len++] = '/';
            memcpy(m->path + m->path_len, d + pos, olen);
            m->path_len += olen;
            m->path[m->path_len] = '\0';
        } else if (num == COAP_OPT_CONTENT_FORMAT && olen <= 2) {
            m->content_format = opt_uint(d + pos, olen);
        } else if (num == COAP_OPT_MAX_AGE && olen <= 4) {
            m->max_age = opt_uint(d + pos, olen);
        }
        pos += olen;
    }
    if (pos < len) {
        if (++pos == len)
            goto fail;             /* 0xff must be followed by payload */
        m->payload = d + pos;
        m->payload_len = len - pos;
    }
    return m;
fail:
    free(m);
    return NULL;
}

void coap_free(struct coap_msg *m)
{
    free(m);
}

/* Seconds a cached copy of this response stays fresh after `age` seconds,
 * 0 if it is stale or not a successful response. */
uint32_t coap_fresh_for(const struct coap_msg *m, uint32_t age)
{
    if (m->code >> 5 != 2)
        return 0;
    if (age >= m->max_age)
        return 0;
    return m->max_age - age;
}

int coap_is_json(const struct coap_msg *m)
{
    return m->content_format == 50;
}
