#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HTTP_MAX_BODY (8u << 20)

struct http_request {
    char method[8];
    char path[128];
    size_t content_length;
    int keep_alive;
};

static int parse_request_line(struct http_request *r, const char *line, size_t n)
{
    const char *sp1 = memchr(line, ' ', n), *sp2;

    if (!sp1 || (size_t)(sp1 - line) >= sizeof(r->method))
        return -1;
    memcpy(r->method, line, (size_t)(sp1 - line));
    r->method[sp1 - line] = '\0';
    sp2 = memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - line));
    if (!sp2 || (size_t)(sp2 - sp1 - 1) >= sizeof(r->path))
        return -1;
    memcpy(r->path, sp1 + 1, (size_t)(sp2 - sp1 - 1));
    r->path[sp2 - sp1 - 1] = '\0';
    r->keep_alive = strncmp(sp2 + 1, "HTTP/1.1", 8) == 0;
    return 0;
}

struct http_request *http_parse_head(const char *head)
{
    struct http_request *r = malloc(sizeof(*r));
    const char *line = head, *eol;

    if (!r)
        return NULL;
    eol = strstr(line, "\r\n");
    if (!eol || parse_request_line(r, line, (size_t)(eol - line)) < 0)
        goto bad;
    for (line = eol + 2; (eol = strstr(line, "\r\n")) != NULL && eol != line; line = eol + 2) {
        if (strncasecmp(line, "Content-Length:", 15) == 0) {
            char *end;
            r->content_length = strtoul(line + 15, &end, 10);
            if (end != eol)
                goto bad;
        } else if (strncasecmp(line, "Connection: close", 17) == 0) {
            r->keep_alive = 0;
        }
    }
    if (r->content_length > HTTP_MAX_BODY) // expect-warning: CWE-908
        goto bad;
    return r;
bad:
    free(r);
    return NULL;
}

int http_expects_body(const struct http_request *r)
{
    return r->content_length > 0;
}
