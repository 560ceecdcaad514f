/* Reader for GNU gettext message catalogs (.mo files): header in either
 * byte order, the tables of original and translated strings, and lookup
 * by binary search (originals are sorted). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MO_MAGIC 0x950412deu

struct mo_catalog {
    const uint8_t *d;
    size_t len;
    int big_endian;
    uint32_t n, orig_off, trans_off;
};

static uint32_t get32(const struct mo_catalog *c, const uint8_t *p)
{
    if (c->big_endian)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

int mo_open(struct mo_catalog *c, const uint8_t *d, size_t len)
{
    c->d = d;
    c->len = len;
    if (len < 28)
        return -1;
    c->big_endian = 0;
    if (get32(c, d) != MO_MAGIC) {
        c->big_endian = 1;
        if (get32(c, d) != MO_MAGIC)
            return -1;
    }
    if (get32(c, d + 4) >> 16 != 0)
        return -1;                      /* unknown major revision */
    c->n = get32(c, d + 8);
    c->orig_off = get32(c, d + 12);
    c->trans_off = get32(c, d + 16);
    if (c->n > len / 8)
        return -1;
    if (c->orig_off > len || (size_t)c->n * 8 > len - c->orig_off)
        return -1;
    if (c->trans_off > len || (size_t)c->n * 8 > len - c->trans_off)
        return -1;
    return 0;
}

/* String i of the table at `table`: checks that it lies inside the file
 * and is NUL-terminated. */
static const char *mo_string(const struct mo_catalog *c, uint32_t table, uint32_t i, uint32_t *slen)
{
    uint8_t raw[8];
    uint32_t len, off;

    memcpy(raw, c->d + table + 8 * (size_t)i, sizeof(raw));
    len = get32(c, raw);
    off = get32(c, raw + 4);
    if (off > c->len || len >= c->len - off || c->d[off + len] != '\0')
        return NULL;
    *slen = len;
    return (const char *)c->d + off;
}

/* Translation of msgid, or msgid itself if the catalog has none. */
const char *mo_gettext(const struct mo_catalog *c, const char *msgid)
{
    uint32_t lo = 0, hi = c->n, len;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const char *s = mo_string(c, c->orig_off, mid, &len);
        int cmp;

        if (!s)
            return msgid;
        cmp = strcmp(msgid, s);
        if (cmp == 0) {
            const char *t = mo_string(c, c->trans_off, mid, &len);

            return t && len ? t : msgid;
        }
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return msgid;
}

/* Copies the value of a header field ("Content-Type", ...) from the
 * catalog header (the translation of ""), into out. */
int mo_header_value(const struct mo_catalog *c, const char *field, char *out, size_t outsz)
{
    const char *h = mo_gettext(c, ""), *p, *eol;
    size_t fl = strlen(field), n;

    if (!*h || outsz == 0)
        return -1;
    for (p = h; *p; p = *eol ? eol + 1 : eol) {
        eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        if ((size_t)(eol - p) > fl + 1 && strncmp(p, field, fl) == 0 && p[fl] == ':') {
            p += fl + 1;
            while (*p == ' ')
                p++;
            n = (size_t)(eol - p);
            if (n >= outsz)
                n = outsz - 1;
            memcpy(out, p, n);
            out[n] = '\0';
            return 0;
        }
    }
    return -1;
}

uint32_t mo_count(const struct mo_catalog *c)
{
    return c->n;
}
