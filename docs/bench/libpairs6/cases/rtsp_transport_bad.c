/* RTSP (RFC 2326) Transport header: parses the transport spec and its
 * parameters (ports, destination, ssrc, mode, interleaved channels). */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RTSP_MODE_PLAY 1
#define RTSP_MODE_RECORD 2

struct rtsp_transport {
    char profile[16];
    int unicast;
    int tcp;
    unsigned client_port[2];
    unsigned server_port[2];
    unsigned interleaved[2];
    char destination[64];
    uint32_t ssrc;
    int has_ssrc;
    int mode;
    unsigned ttl;
};

static size_t trim(const char **s, size_t n)
{
    while (n && isspace((unsigned char)**s)) {
        (*s)++;
        n--;
    }
    while (n && isspace((unsigned char)(*s)[n - 1]))
        n--;
    return n;
}

static int parse_range(const char *v, unsigned out[2])
{
    char *end;
    unsigned long a, b;

    a = strtoul(v, &end, 10);
    if (end == v || a > 65535)
        return -1;
    b = a + 1;
    if (*end == '-') {
        v = end + 1;
        b = strtoul(v, &end, 10);
        if (end == v || b > 65535 || b < a)
            return -1;
    }
    if (*end != '\0')
        return -1;
    out[0] = (unsigned)a;
    out[1] = (unsigned)b;
    return 0;
}

static int apply_param(struct rtsp_transport *t, const char *name, const char *value)
{
    char *end;

    if (strcasecmp(name, "unicast") == 0)
        t->unicast = 1;
    else if (strcasecmp(name, "multicast") == 0)
        t->unicast = 0;
    else if (strcasecmp(name, "client_port") == 0)
        return parse_range(value, t->client_port);
    else if (strcasecmp(name, "server_port") == 0)
        return parse_range(value, t->server_port);
    else if (strcasecmp(name, "interleaved") == 0)
        return parse_range(value, t->interleaved);
    else if (strcasecmp(name, "destination") == 0)
        strcpy(t->destination, value);
    else if (strcasecmp(name, "ssrc") == 0) {
        t->ssrc = (uint32_t)strtoul(value, &end, 16);
        t->has_ssrc = end != value && *end == '\0';
        return t->has_ssrc ? 0 : -1;
    } else if (strcasecmp(name, "ttl") == 0) {
        t->ttl = (unsigned)strtoul(value, &end, 10);
        return *end == '\0' && t->ttl < 256 ? 0 : -1;
    } else if (strcasecmp(name, "mode") == 0) {
        if (strcasecmp(value, "PLAY") == 0 || strcasecmp(value, "\"PLAY\"") == 0)
            t->mode = RTSP_MODE_PLAY;
        else if (strcasecmp(value, "RECORD") == 0 || strcasecmp(value, "\"RECORD\"") == 0)
            t->mode = RTSP_MODE_RECORD;
        else
            return -1;
    }
    return 0;
}

/* Parses the first transport spec of a Transport header value (the text
 * up to the first ','); returns 0 or -1. */
int rtsp_parse_transport(const char *hdr, size_t len, struct rtsp_transport *t)
{
    const char *p = hdr, *end, *stop, *eq;
    char name[24], value[32];
    size_t n, nlen, vlen;

    memset(t, 0, sizeof(*t));
    t->unicast = 1;
    t->mode = RTSP_MODE_PLAY;
    stop = memchr(hdr, ',', len);
    if (!stop)
        stop = hdr + len;
    end = memchr(p, ';', (size_t)(stop - p));
    if (!end)
        end = stop;
    n = (size_t)(end - p);
    n = trim(&p, n);
    if (n == 0 || n >= sizeof(t->profile))
        return -1;
    memcpy(t->profile, p, n);
    t->tcp = n >= 11 && strncasecmp(p + n - 4, "/TCP", 4) == 0;
    while (end < stop) {
        p = end + 1;
        end = memchr(p, ';', (size_t)(stop - p));
        if (!end)
            end = stop;
        n = trim(&p, (size_t)(end - p));
        if (n == 0)
            continue;
        eq = memchr(p, '=', n);
        nlen = eq ? (size_t)(eq - p) : n;
        vlen = eq ? n - nlen - 1 : 0;
        if (nlen >= sizeof(name) || vlen >= sizeof(t->destination))
            return -1;
        memcpy(name, p, nlen);
        name[nlen] = '\0';
        memcpy(value, eq ? eq + 1 : p, vlen); // expect-warning: CWE-121
        value[vlen] = '\0';
        if (apply_param(t, name, value) < 0)
            return -1;
    }
    return 0;
}
