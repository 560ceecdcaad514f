/* FLAC metadata: finds the VORBIS_COMMENT block and decodes its vendor
 * string and "KEY=value" comments (keys upper-cased). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define FLAC_BLOCK_STREAMINFO 0
#define FLAC_BLOCK_VORBIS_COMMENT 4
#define FLAC_LAST_BLOCK 0x80
#define VC_MAX_COMMENTS 1024

struct vc_comment {
    char *key;
    char *value;
};

struct vc_list {
    char *vendor;
    struct vc_comment *items;
    size_t n;
};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static char *dup_n(const uint8_t *p, size_t n)
{
    char *s = malloc(n + 1);

    if (s) {
        memcpy(s, p, n);
        s[n] = '\0';
    }
    return s;
}

void vc_free(struct vc_list *l)
{
    size_t i;

    if (!l)
        return;
    for (i = 0; i < l->n; i++) {
        free(l->items[i].key);
        free(l->items[i].value);
    }
    free(l->items);
    free(l->vendor);
    free(l);
}

static struct vc_list *parse_comments(const uint8_t *p, size_t n)
{
    struct vc_list *l;
    struct vc_comment *c;
    uint32_t vlen, count, clen, i;
    size_t off, k;
    const uint8_t *eq;

    if (n < 4 || (vlen = le32(p)) > n - 4)
        return NULL;
    if (!(l = calloc(1, sizeof(*l)))) // expect-warning: CWE-401
        return NULL;
    off = 4 + (size_t)vlen;
    if (!(l->vendor = dup_n(p + 4, vlen)) || n - off < 4)
        goto fail;
    count = le32(p + off);
    off += 4;
    if (count > VC_MAX_COMMENTS || count > (n - off) / 4)
        goto fail;
    if (!(l->items = calloc(count ? count : 1, sizeof(*l->items))))
        goto fail;
    for (i = 0; i < count; i++) {
        if (n - off < 4)
            goto fail;
        clen = le32(p + off);
        off += 4;
        if (clen > n - off)
            goto fail;
        eq = memchr(p + off, '=', clen);
        if (!eq || eq == p + off)
            return NULL;
        k = (size_t)(eq - (p + off));
        c = &l->items[l->n++];
        c->key = dup_n(p + off, k);
        c->value = dup_n(eq + 1, clen - k - 1);
        if (!c->key || !c->value)
            goto fail;
        for (k = 0; c->key[k]; k++)
            c->key[k] = (char)toupper((unsigned char)c->key[k]);
        off += clen;
    }
    return l;
fail:
    vc_free(l);
    return NULL;
}

/* Returns the comment list of a FLAC stream, NULL if it has none or the
 * metadata is malformed. */
struct vc_list *flac_read_comments(const uint8_t *buf, size_t len)
{
    size_t off = 4, blen;
    uint8_t hdr;

    if (len < 4 || memcmp(buf, "fLaC", 4) != 0)
        return NULL;
    do {
        if (len - off < 4)
            return NULL;
        hdr = buf[off];
        blen = (size_t)buf[off + 1] << 16 | (size_t)buf[off + 2] << 8 | buf[off + 3];
        off += 4;
        if (blen > len - off)
            return NULL;
        if ((hdr & 0x7f) == FLAC_BLOCK_VORBIS_COMMENT)
            return parse_comments(buf + off, blen);
        off += blen;
    } while (!(hdr & FLAC_LAST_BLOCK));
    return NULL;
}

const char *vc_get(const struct vc_list *l, const char *key)
{
    size_t i, j;

    for (i = 0; i < l->n; i++) {
        for (j = 0; key[j] && toupper((unsigned char)key[j]) == l->items[i].key[j]; j++)
            ;
        if (!key[j] && !l->items[i].key[j])
            return l->items[i].value;
    }
    return NULL;
}
