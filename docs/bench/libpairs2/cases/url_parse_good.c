#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

struct url {
    char *scheme;
    char *host;
    unsigned port;
    char *path;
};

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

int url_parse(const char *s, struct url *u)
{
    const char *sep, *host, *end, *colon;

    memset(u, 0, sizeof(*u));
    sep = strstr(s, "://");
    if (!sep || sep == s)
        return -1;
    u->scheme = dup_n(s, (size_t)(sep - s));
    host = sep + 3;
    end = host + strcspn(host, "/?#");
    colon = memchr(host, ':', (size_t)(end - host));
    if (colon) {
        char *pe;
        unsigned long port = strtoul(colon + 1, &pe, 10);
        if (pe != end || port == 0 || port > 65535)
            return -1;
        u->port = (unsigned)port;
    } else {
        u->port = strcmp(u->scheme ? u->scheme : "", "https") == 0 ? 443 : 80;
        colon = end;
    }
    u->host = dup_n(host, (size_t)(colon - host));
    if (*end == '/')
        u->path = strdup(end);
    else
        u->path = strdup("/");
    if (!u->scheme || !u->host || !u->path)
        return -1;
    return 0;
}

void url_release(struct url *u)
{
    free(u->scheme);
    free(u->host);
    free(u->path);
    memset(u, 0, sizeof(*u));
}
