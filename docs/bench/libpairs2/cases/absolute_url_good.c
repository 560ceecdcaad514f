#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_HEADERS 16

struct header {
    char name[32];
    char value[128];
};

struct request {
    char path[128];
    struct header hdrs[MAX_HEADERS];
    size_t nhdrs;
};

static const struct header *find_header(const struct request *r, const char *name)
{
    size_t i;

    for (i = 0; i < r->nhdrs; i++)
        if (strcasecmp(r->hdrs[i].name, name) == 0)
            return &r->hdrs[i];
    return NULL;
}

int request_add_header(struct request *r, const char *line)
{
    const char *colon = strchr(line, ':');
    struct header *h;
    size_t n;

    if (!colon || r->nhdrs == MAX_HEADERS)
        return -1;
    n = (size_t)(colon - line);
    if (n == 0 || n >= sizeof(h->name))
        return -1;
    h = &r->hdrs[r->nhdrs];
    memcpy(h->name, line, n);
    h->name[n] = '\0';
    colon++;
    while (*colon == ' ')
        colon++;
    if (strlen(colon) >= sizeof(h->value))
        return -1;
    strcpy(h->value, colon);
    r->nhdrs++;
    return 0;
}

int request_absolute_url(const struct request *r, char *out, size_t outsz)
{
    const struct header *host = find_header(r, "Host");
    const struct header *proto = find_header(r, "X-Forwarded-Proto");
    const char *scheme = proto ? proto->value : "http";
    const char *hostname;
    int n;

    if (!host)
        return -1;
    hostname = host->value;
    n = snprintf(out, outsz, "%s://%s%s", scheme, hostname, r->path);
    if (n < 0 || (size_t)n >= outsz)
        return -1;
    return 0;
}
