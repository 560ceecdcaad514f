#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct request {
    unsigned id;
    char *method;
    char *path;
};

static void request_free(struct request *req)
{
    free(req->method);
    free(req->path);
    free(req);
}

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* Parses "METHOD SP PATH" from line into req. */
static int request_parse(struct request *req, const char *line, size_t len)
{
    const char *sp = memchr(line, ' ', len);

    if (sp == NULL || sp == line || sp + 1 == line + len)
        return -1;
    req->method = dup_range(line, (size_t)(sp - line));
    req->path = dup_range(sp + 1, (size_t)(line + len - sp - 1));
    if (req->method == NULL || req->path == NULL)
        return -1;
    return 0;
}

int server_handle_line(unsigned id, const char *line, size_t len, FILE *log)
{
    struct request *req = calloc(1, sizeof *req);

    if (req == NULL)
        return -1;
    req->id = id;
    if (request_parse(req, line, len) < 0) {
        fprintf(log, "request %u: malformed\n", req->id);
        request_free(req);
        return -1;
    }
    fprintf(log, "request %u: %s %s\n", req->id, req->method, req->path);
    request_free(req);
    return 0;
}
