/* TLS ClientHello inspection for connection routing: offered version,
 * cipher count, ALPN presence and the server_name (SNI) host. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TLS_CT_HANDSHAKE 22
#define TLS_HS_CLIENT_HELLO 1
#define TLS_EXT_SERVER_NAME 0
#define TLS_EXT_ALPN 16
#define TLS_EXT_SUPPORTED_VERSIONS 43
#define TLS_SNI_HOST_NAME 0
#define TLS_HOST_MAX 255

struct tls_hello {
    uint16_t legacy_version;
    uint16_t max_version;
    unsigned ncipher;
    int has_alpn;
    char host[TLS_HOST_MAX + 1];
    size_t host_len;
};

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static int parse_sni(const uint8_t *p, size_t n, struct tls_hello *h)
{
    size_t list_len, nlen, off = 2;
    uint8_t type;

    if (n < 2)
        return -1;
    list_len = be16(p);
    if (list_len != n - 2)
        return -1;
    while (off + 3 <= n) {
        type = p[off];
        nlen = be16(p + off + 1);
        off += 3;
        if (nlen > n - off)
            return -1;
        if (type == TLS_SNI_HOST_NAME) {
            if (nlen == 0 || nlen > TLS_HOST_MAX)
                return -1;
            memcpy(h->host, p + off, nlen);
            h->host[nlen] = '\0';
            h->host_len = nlen;
        }
        off += nlen;
    }
    return 0;
}

static int parse_versions(const uint8_t *p, size_t n, struct tls_hello *h)
{
    size_t k;
    uint16_t v;

    if (n < 1 || p[0] != n - 1 || (p[0] & 1))
        return -1;
    for (k = 1; k + 2 <= n; k += 2) {
        v = be16(p + k);
        if ((v & 0x0f0f) == 0x0a0a)
            continue;   /* GREASE */
        if (v > h->max_version)
            h->max_version = v;
    }
    return 0;
}

static int parse_extensions(const uint8_t *p, size_t n, struct tls_hello *h)
{
    size_t off = 0, elen;
    uint16_t type;

    while (off < n) {
        if (n - off < 4)
            return -1;
        type = be16(p + off);
        elen = be16(p + off + 2);
        off += 4;
        if (elen > n - off)
            return -1;
        if (type == TLS_EXT_SERVER_NAME && parse_sni(p + off, elen, h) < 0)
            return -1;
        if (type == TLS_EXT_SUPPORTED_VERSIONS && parse_versions(p + off, elen, h) < 0)
            return -1;
        if (type == TLS_EXT_ALPN)
            h->has_alpn = 1;
        off += elen;
    }
    return 0;
}

int tls_parse_client_hello(const uint8_t *buf, size_t len, struct tls_hello *h)
{
    size_t off, rec_len, hs_len, end, n;

    memset(h, 0, sizeof(*h));
    if (len < 9 || buf[0] != TLS_CT_HANDSHAKE)
        return -1;
    rec_len = be16(buf + 3);
    if (rec_len > len - 5 || rec_len < 4 || buf[5] != TLS_HS_CLIENT_HELLO)
        return -1;
    hs_len = (size_t)buf[6] << 16 | (size_t)buf[7] << 8 | buf[8];
    if (hs_len > rec_len - 4)
        return -1;
    off = 9;
    end = off + hs_len;
    if (end - off < 2 + 32 + 1)
        return -1;
    h->legacy_version = h->max_version = be16(buf + off);
    off += 2 + 32;
    n = buf[off++];                         /* legacy_session_id */
    if (n > 32 || n > end - off)
        return -1;
    off += n;
    if (end - off < 2)
        return -1;
    n = be16(buf + off);                    /* cipher_suites */
    off += 2;
    if ((n & 1) || n > end - off)
        return -1;
    h->ncipher = (unsigned)(n / 2);
    off += n;
    if (end - off < 1)
        return -1;
    n = buf[off++];                         /* compression_methods */
    if (n > end - off)
        return -1;
    off += n;
    if (off == end)
        return 0;
    if (end - off < 2)
        return -1;
    n = be16(buf + off);
    off += 2;
    if (n > end - off)
        return -1;
    return parse_extensions(buf + off, n, h);
}

const char *tls_server_name(const struct tls_hello *h)
{
    return h->host_len ? h->host : NULL;
}
