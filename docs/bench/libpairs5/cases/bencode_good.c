/* Bencode decoder (BitTorrent metainfo).  Strings point into the input.
 * On error the offset and the innermost dictionary key are reported. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BN_MAX_DEPTH 32
#define BN_MAX_STRLEN (1u << 24)

enum bn_type { BN_INT, BN_STR, BN_LIST, BN_DICT };

struct bnode {
    enum bn_type type;
    int64_t ival;
    const char *str;            /* points into the input */
    size_t len;
    struct bnode *child;        /* list items; dict keys and values alternate */
    struct bnode *next;
};

struct bdecode_err { size_t offset; char key[64]; };

struct bdecoder {
    const uint8_t *p;
    size_t n, off;
    int depth;
    struct bdecode_err *err;    /* key: innermost first */
};

static struct bnode *parse_value(struct bdecoder *d);

void bnode_free(struct bnode *b)
{
    struct bnode *next;

    for (; b; b = next) {
        next = b->next;
        bnode_free(b->child);
        free(b);
    }
}

static void note_key(struct bdecoder *d, const struct bnode *key)
{
    size_t n = key->len < sizeof(d->err->key) - 1 ? key->len : sizeof(d->err->key) - 1;

    if (d->err->key[0] == '\0')
        memcpy(d->err->key, key->str, n);
}

static struct bnode *parse_int(struct bdecoder *d)
{
    struct bnode *b;
    size_t s;
    int neg = d->off + 1 < d->n && d->p[d->off + 1] == '-';
    int64_t v = 0;

    d->off += 1 + neg;
    for (s = d->off; d->off < d->n && d->p[d->off] >= '0' && d->p[d->off] <= '9'; d->off++) {
        if (v > (INT64_MAX - 9) / 10)
            return NULL;
        v = v * 10 + (d->p[d->off] - '0');
    }
    if (d->off == s || d->off >= d->n || d->p[d->off] != 'e')
        return NULL;
    if ((d->p[s] == '0' && d->off - s > 1) || (neg && v == 0) || !(b = calloc(1, sizeof(*b))))
        return NULL;
    d->off++;
    b->type = BN_INT;
    b->ival = neg ? -v : v;
    return b;
}

static struct bnode *parse_string(struct bdecoder *d)
{
    struct bnode *b;
    size_t len = 0, s = d->off;

    while (d->off < d->n && d->p[d->off] >= '0' && d->p[d->off] <= '9' && len <= BN_MAX_STRLEN)
        len = len * 10 + (d->p[d->off++] - '0');
    if (d->off == s || d->off >= d->n || d->p[d->off] != ':')
        return NULL;
    d->off++;
    if (len > d->n - d->off || !(b = calloc(1, sizeof(*b))))
        return NULL;
    b->type = BN_STR;
    b->str = (const char *)d->p + d->off;
    b->len = len;
    d->off += len;
    return b;
}

static struct bnode *parse_container(struct bdecoder *d, enum bn_type t)
{
    struct bnode *c = calloc(1, sizeof(*c)), **tail, *key, *val;

    if (!c)
        return NULL;
    c->type = t;
    tail = &c->child;
    d->off++;
    while (d->off < d->n && d->p[d->off] != 'e') {
        key = NULL;
        if (t == BN_DICT) {
            if (!(key = parse_string(d)))
                goto fail;
            *tail = key;
            tail = &key->next;
        }
        if (!(val = parse_value(d))) {
            if (key)
                note_key(d, key);
            bnode_free(c);
            return NULL;
        }
        *tail = val;
        tail = &val->next;
    }
    if (d->off < d->n) {
        d->off++;
        return c;
    }
fail:
    bnode_free(c);
    return NULL;
}

static struct bnode *parse_value(struct bdecoder *d)
{
    struct bnode *b = NULL;

    if (d->off >= d->n || d->depth >= BN_MAX_DEPTH)
        return NULL;
    d->depth++;
    switch (d->p[d->off]) {
    case 'i': b = parse_int(d); break;
    case 'l': b = parse_container(d, BN_LIST); break;
    case 'd': b = parse_container(d, BN_DICT); break;
    default: b = parse_string(d); break;
    }
    d->depth--;
    return b;
}

struct bnode *bdecode(const uint8_t *buf, size_t len, struct bdecode_err *err)
{
    struct bdecoder d = { buf, len, 0, 0, err };
    struct bnode *b;

    memset(err, 0, sizeof(*err));
    b = parse_value(&d);
    if (b && d.off == len)
        return b;
    bnode_free(b);
    err->offset = d.off;
    return NULL;
}
