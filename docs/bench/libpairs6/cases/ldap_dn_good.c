/* LDAP distinguished names (RFC 4514 string form): splits a DN into
 * attribute type / value pairs, undoing backslash and hex escapes. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DN_MAX_RDNS 32

struct dn_rdn {
    char *type;
    char *value;
    size_t value_len;
    int multi;
};

struct ldap_dn {
    struct dn_rdn rdn[DN_MAX_RDNS];
    size_t count;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Unescapes s[0..n-1] into out; returns the output length or -1. */
static long unescape(const char *s, size_t n, char *out)
{
    size_t i = 0, o = 0;
    int hi, lo;

    while (i < n) {
        if (s[i] != '\\') {
            out[o++] = s[i++];
            continue;
        }
        if (++i >= n)
            return -1;
        if (strchr(",+\"\\<>;=# ", s[i])) {
            out[o++] = s[i++];
            continue;
        }
        if (i + 1 >= n || (hi = hexval((unsigned char)s[i])) < 0 ||
            (lo = hexval((unsigned char)s[i + 1])) < 0)
            return -1;
        out[o++] = (char)(hi << 4 | lo);
        i += 2;
    }
    out[o] = '\0';
    return (long)o;
}

/* Length of the value starting at s: up to an unescaped ',' '+' or end. */
static size_t value_span(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n && s[i] != ',' && s[i] != '+') {
        if (s[i] == '\\' && i + 1 < n)
            i++;
        i++;
    }
    return i;
}

static int parse_rdn(struct dn_rdn *r, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    size_t tlen;
    long vlen;

    if (!eq || eq == s)
        return -1;
    tlen = (size_t)(eq - s);
    while (tlen && s[tlen - 1] == ' ')
        tlen--;
    r->type = malloc(tlen + 1);
    r->value = malloc(n - (size_t)(eq - s));
    if (!r->type || !r->value)
        return -1;
    memcpy(r->type, s, tlen);
    r->type[tlen] = '\0';
    vlen = unescape(eq + 1, n - (size_t)(eq - s) - 1, r->value);
    if (vlen < 0) {
        free(r->value);
        r->value = NULL;
        return -1;
    }
    r->value_len = (size_t)vlen;
    return 0;
}

void ldap_dn_free(struct ldap_dn *dn)
{
    size_t i;

    if (!dn)
        return;
    for (i = 0; i < dn->count; i++) {
        free(dn->rdn[i].type);
        free(dn->rdn[i].value);
    }
    free(dn);
}

struct ldap_dn *ldap_dn_parse(const char *s, size_t len)
{
    struct ldap_dn *dn = calloc(1, sizeof(*dn));
    size_t pos = 0, n;
    int multi = 0;

    if (!dn)
        return NULL;
    while (pos < len) {
        while (pos < len && s[pos] == ' ')
            pos++;
        n = value_span(s + pos, len - pos);
        if (dn->count >= DN_MAX_RDNS)
            goto fail;
        dn->rdn[dn->count].multi = multi;
        if (parse_rdn(&dn->rdn[dn->count++], s + pos, n) < 0)
            goto fail;
        pos += n;
        multi = pos < len && s[pos] == '+';
        if (pos < len)
            pos++;
    }
    return dn;
fail:
    ldap_dn_free(dn);
    return NULL;
}

/* Value of the first RDN of the given type (case-insensitive), or NULL. */
const char *ldap_dn_get(const struct ldap_dn *dn, const char *type)
{
    size_t i;

    for (i = 0; i < dn->count; i++)
        if (strcasecmp(dn->rdn[i].type, type) == 0)
            return dn->rdn[i].value;
    return NULL;
}

size_t ldap_dn_count(const struct ldap_dn *dn)
{
    return dn->count;
}
