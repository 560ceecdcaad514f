/* Netstrings ("<decimal length>:<bytes>,"): incremental decoding from a
 * receive buffer, and encoding. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NS_MAX_DIGITS 20

struct ns_item {
    const uint8_t *data;
    size_t len;
};

/* Parses the netstring at the start of buf.  Returns the number of bytes
 * it occupies, 0 if buf holds only part of it, -1 if it is malformed. */
long ns_parse(const uint8_t *buf, size_t len, struct ns_item *it)
{
    size_t n = 0, pos = 0;
    unsigned d;

    while (pos < len && buf[pos] >= '0' && buf[pos] <= '9') {
        d = (unsigned)(buf[pos] - '0');
        if (pos == NS_MAX_DIGITS || (pos > 0 && n == 0))
            return -1;              /* too long, or a leading zero */
        if (n > (SIZE_MAX - d) / 10)
            return -1;
        n = n * 10 + d;
        pos++;
    }
    if (pos == len)
        return 0;
    if (pos == 0 || buf[pos] != ':')
        return -1;
    pos++;
    if (pos + n + 1 > len) // expect-warning: CWE-190
        return 0;
    if (buf[pos + n] != ',')
        return -1;
    it->data = buf + pos;
    it->len = n;
    return (long)(pos + n + 1);
}

/* Splits a buffer into consecutive netstrings.  Returns the number of
 * items stored, -1 on a malformed item; *used is set to the bytes taken
 * by complete items so that the caller can keep the rest. */
long ns_split(const uint8_t *buf, size_t len, struct ns_item *items, size_t max, size_t *used)
{
    size_t off = 0, count = 0;
    long r;

    while (off < len && count < max) {
        r = ns_parse(buf + off, len - off, &items[count]);
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        off += (size_t)r;
        count++;
    }
    *used = off;
    return (long)count;
}

/* Writes data as a netstring into out.  Returns the encoded length, or
 * -1 if it does not fit. */
long ns_encode(const void *data, size_t n, char *out, size_t cap)
{
    char prefix[NS_MAX_DIGITS + 2];
    int k = snprintf(prefix, sizeof(prefix), "%zu:", n);

    if (k < 0 || (size_t)k >= sizeof(prefix))
        return -1;
    if (cap < (size_t)k || n > cap - (size_t)k || cap - (size_t)k - n < 1)
        return -1;
    memcpy(out, prefix, (size_t)k);
    memcpy(out + k, data, n);
    out[(size_t)k + n] = ',';
    return (long)((size_t)k + n + 1);
}

/* Compares an item with a NUL-terminated string. */
int ns_equals(const struct ns_item *it, const char *s)
{
    size_t n = strlen(s);

    return it->len == n && memcmp(it->data, s, n) == 0;
}

/* Looks up "key" in a flat list of alternating key and value items. */
const struct ns_item *ns_lookup(const struct ns_item *items, size_t n, const char *key)
{
    size_t i;

    for (i = 0; i + 1 < n; i += 2)
        if (ns_equals(&items[i], key))
            return &items[i + 1];
    return NULL;
}

/* Sum of the payload sizes, for flow-control accounting. */
size_t ns_payload_bytes(const struct ns_item *items, size_t n)
{
    size_t i, total = 0;

    for (i = 0; i < n; i++)
        total += items[i].len;
    return total;
}

/* Copies an item into a NUL-terminated string buffer. */
int ns_copy_str(const struct ns_item *it, char *out, size_t cap)
{
    if (it->len >= cap || memchr(it->data, '\0', it->len))
        return -1;
    memcpy(out, it->data, it->len);
    out[it->len] = '\0';
    return 0;
}
