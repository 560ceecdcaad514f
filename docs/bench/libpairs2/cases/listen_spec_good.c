#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_PORT 8080

struct listen_addr {
    char host[64];
    uint16_t port;
    int wildcard;
};

static int parse_u16(const char *s, uint16_t *out)
{
    char *end;
    unsigned long v;

    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtoul(s, &end, 10);
    if (*end != '\0' || errno != 0 || v > 65535)
        return -1;
    *out = (uint16_t)v;
    return 0;
}

static int set_host(struct listen_addr *la, const char *h, size_t n)
{
    if (n >= sizeof(la->host))
        return -1;
    memcpy(la->host, h, n);
    la->host[n] = '\0';
    la->wildcard = (n == 0 || (n == 1 && h[0] == '*'));
    return 0;
}

/* Accepts "host:port", "host", ":port" or "*:port". */
int parse_listen(const char *spec, struct listen_addr *la)
{
    const char *colon = strrchr(spec, ':');
    uint16_t port;

    if (colon) {
        if (set_host(la, spec, (size_t)(colon - spec)) < 0)
            return -1;
        if (parse_u16(colon + 1, &port) < 0)
            return -1;
    } else {
        if (set_host(la, spec, strlen(spec)) < 0)
            return -1;
        port = DEFAULT_PORT;
    }
    if (port == 0)
        return -1;
    la->port = port;
    return 0;
}

int parse_listen_list(const char *const *specs, size_t n, struct listen_addr *out)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (parse_listen(specs[i], &out[i]) < 0)
            return -1;
    return 0;
}
