#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define EP_ALLOW_PRIVILEGED 0x1

/* Parses a decimal port number in 1..65535. */
static int parse_port(const char *s, size_t n, uint16_t *port)
{
    unsigned long v = 0;
    size_t i;

    if (n == 0 || n > 5)
        return -1;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned long)(s[i] - '0');
    }
    if (v == 0 || v > 65535)
        return -1;
    *port = (uint16_t)v;
    return 0;
}

/* Splits "host:port" into host and port. */
int parse_endpoint(const char *s, char *host, size_t hostsz, uint16_t *port,
                   unsigned flags)
{
    const char *colon = strrchr(s, ':');
    size_t hlen;
    uint16_t p;

    if (colon == NULL)
        return -1;
    hlen = (size_t)(colon - s);
    if (hlen == 0 || hlen >= hostsz)
        return -1;
    memcpy(host, s, hlen);
    host[hlen] = '\0';
    if (parse_port(colon + 1, strlen(colon + 1), &p) < 0)
        return -1;
    if (p < 1024 && !(flags & EP_ALLOW_PRIVILEGED))
        return -1;
    *port = p;
    return 0;
}

/* Returns 1 if both strings name the same endpoint, 0 if not, -1 on error. */
int endpoint_equal(const char *a, const char *b)
{
    char ha[256], hb[256];
    uint16_t pa, pb;

    if (parse_endpoint(a, ha, sizeof ha, &pa, EP_ALLOW_PRIVILEGED) < 0 ||
        parse_endpoint(b, hb, sizeof hb, &pb, EP_ALLOW_PRIVILEGED) < 0)
        return -1;
    return pa == pb && strcmp(ha, hb) == 0;
}
