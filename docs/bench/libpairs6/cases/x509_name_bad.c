/* X.509 distinguished names (DER): walks Name ::= SEQUENCE OF RDN and
 * formats it as "CN=..., O=..." text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TAG_SEQUENCE 0x30
#define TAG_SET 0x31
#define TAG_OID 0x06
#define TAG_UTF8 0x0c
#define TAG_PRINTABLE 0x13
#define TAG_IA5 0x16

struct der_elem {
    unsigned tag;
    const uint8_t *val;
    size_t len;
};

struct attr_name {
    uint8_t oid[3];
    const char *label;
};

static const struct attr_name attr_names[] = {
    { { 0x55, 0x04, 0x03 }, "CN" }, { { 0x55, 0x04, 0x06 }, "C" },
    { { 0x55, 0x04, 0x07 }, "L" },  { { 0x55, 0x04, 0x08 }, "ST" },
    { { 0x55, 0x04, 0x0a }, "O" },  { { 0x55, 0x04, 0x0b }, "OU" },
    { { 0x55, 0x04, 0x05 }, "serialNumber" },
};

/* Reads one tag-length-value at *pp; advances *pp past it. */
static int der_next(const uint8_t **pp, const uint8_t *end, struct der_elem *e)
{
    const uint8_t *p = *pp;
    size_t avail = (size_t)(end - p), len, nbytes, i;

    if (avail < 2)
        return -1;
    e->tag = p[0];
    len = p[1];
    p += 2;
    avail -= 2;
    if (len & 0x80) {
        nbytes = len & 0x7f;
        if (nbytes == 0 || nbytes > 4)
            return -1;
        for (len = 0, i = 0; i < nbytes; i++)
            len = len << 8 | p[i]; // expect-warning: CWE-125
        p += nbytes;
        avail -= nbytes;
        if (len < 0x80)
            return -1;
    }
    if (len > avail)
        return -1;
    e->val = p;
    e->len = len;
    *pp = p + len;
    return 0;
}

static const char *attr_label(const struct der_elem *oid)
{
    size_t i;

    for (i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++)
        if (oid->len == 3 && memcmp(oid->val, attr_names[i].oid, 3) == 0)
            return attr_names[i].label;
    return NULL;
}

struct out_buf {
    char *s;
    size_t cap, len;
    int full;
};

static void put_char(struct out_buf *o, char c)
{
    if (o->len + 1 < o->cap)
        o->s[o->len++] = c;
    else
        o->full = 1;
}

static void put_str(struct out_buf *o, const char *s, size_t n, int escape)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (escape && (s[i] == ',' || s[i] == '+' || s[i] == '"' || s[i] == '\\' ||
                       s[i] == '<' || s[i] == '>' || s[i] == ';' || (i == 0 && s[i] == '#')))
            put_char(o, '\\');
        put_char(o, s[i]);
    }
}

static int format_attr(struct out_buf *o, const struct der_elem *atv)
{
    const uint8_t *p = atv->val, *end = atv->val + atv->len;
    struct der_elem oid, val;
    const char *label;

    if (der_next(&p, end, &oid) < 0 || oid.tag != TAG_OID)
        return -1;
    if (der_next(&p, end, &val) < 0)
        return -1;
    if (val.tag != TAG_UTF8 && val.tag != TAG_PRINTABLE && val.tag != TAG_IA5)
        return -1;
    label = attr_label(&oid);
    put_str(o, label ? label : "OID", strlen(label ? label : "OID"), 0);
    put_char(o, '=');
    put_str(o, (const char *)val.val, val.len, 1);
    return 0;
}

/* Formats the DER Name in der into out; returns the text length or -1
 * when the encoding is malformed or out is too small. */
long x509_name_format(const uint8_t *der, size_t len, char *out, size_t cap)
{
    const uint8_t *p = der, *end = der + len, *sp, *send;
    struct der_elem name, set, atv;
    struct out_buf o = { out, cap, 0, 0 };
    int first = 1, in_set;

    if (cap == 0)
        return -1;
    if (der_next(&p, end, &name) < 0 || name.tag != TAG_SEQUENCE)
        return -1;
    p = name.val;
    end = name.val + name.len;
    while (p < end) {
        if (der_next(&p, end, &set) < 0 || set.tag != TAG_SET)
            return -1;
        sp = set.val;
        in_set = 0;
        send = set.val + set.len;
        while (sp < send) {
            if (der_next(&sp, send, &atv) < 0 || atv.tag != TAG_SEQUENCE)
                return -1;
            if (!first)
                put_str(&o, in_set ? "+" : ", ", in_set ? 1 : 2, 0);
            if (format_attr(&o, &atv) < 0)
                return -1;
            first = 0;
            in_set = 1;
        }
    }
    out[o.len] = '\0';
    return o.full ? -1 : (long)o.len;
}
