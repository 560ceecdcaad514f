#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * Textual IPv6 address handling (RFC 4291 section 2.2 / RFC 5952):
 * parse "2001:db8::1" style strings into 16 bytes and format them back
 * in the canonical compressed form.
 */

struct ip6_addr {
    uint8_t b[16];
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Parses s[0..len) into *out.  Returns 0 on success, -1 on syntax error. */
int ip6_parse(struct ip6_addr *out, const char *s, size_t len)
{
    uint16_t words[8];
    int nw = 0, gap = -1, i, fill;
    size_t pos = 0;

    if (len >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        pos = 2;
    }
    while (pos < len) {
        unsigned v = 0;
        int nd = 0, h;

        while (pos < len && nd < 4 && (h = hexval(s[pos])) >= 0) {
            v = (v << 4) | (unsigned)h;
            pos++;
            nd++;
        }
        if (nd == 0)
            return -1;
        words[nw++] = (uint16_t)v; // expect-warning: CWE-121
        if (pos == len)
            break;
        if (s[pos] != ':')
            return -1;
        pos++;
        if (pos < len && s[pos] == ':') {
            if (gap >= 0)
                return -1;
            gap = nw;
            pos++;
        } else if (pos == len) {
            return -1;
        }
    }

    if (gap < 0 && nw != 8)
        return -1;
    if (gap >= 0 && nw > 7)
        return -1;

    fill = gap < 0 ? 0 : 8 - nw;
    memset(out, 0, sizeof(*out));
    for (i = 0; i < nw; i++) {
        int slot = (gap >= 0 && i >= gap) ? i + fill : i;
        out->b[2 * slot] = (uint8_t)(words[i] >> 8);
        out->b[2 * slot + 1] = (uint8_t)(words[i] & 0xff);
    }
    return 0;
}

/* Formats in RFC 5952 form into buf (at least 40 bytes). Returns length. */
int ip6_format(const struct ip6_addr *a, char *buf, size_t size)
{
    int best = -1, bestlen = 1, run = -1, runlen = 0, i, n = 0;

    for (i = 0; i < 8; i++) {
        int zero = a->b[2 * i] == 0 && a->b[2 * i + 1] == 0;
        if (zero) {
            if (run < 0) {
                run = i;
                runlen = 0;
            }
            runlen++;
            if (runlen > bestlen) {
                best = run;
                bestlen = runlen;
            }
        } else {
            run = -1;
        }
    }

    if (size < 40)
        return -1;
    for (i = 0; i < 8; i++) {
        if (i == best) {
            n += snprintf(buf + n, size - (size_t)n, "::");
            i += bestlen - 1;
            continue;
        }
        if (n > 0 && buf[n - 1] != ':')
            buf[n++] = ':';
        n += snprintf(buf + n, size - (size_t)n, "%x",
                      (unsigned)((a->b[2 * i] << 8) | a->b[2 * i + 1]));
    }
    buf[n] = '\0';
    return n;
}

int ip6_equal_text(const char *x, const char *y)
{
    struct ip6_addr a, b;

    if (ip6_parse(&a, x, strlen(x)) < 0 || ip6_parse(&b, y, strlen(y)) < 0)
        return -1;
    return memcmp(&a, &b, sizeof(a)) == 0;
}
