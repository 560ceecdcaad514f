#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/*
 * Response header preparation for a static file handler: content type by
 * file extension, caching policy and whether on-the-fly compression is
 * worthwhile.
 */

struct mime_type {
    const char *ext;
    const char *type;
    int compressible;
    int max_age;            /* seconds */
};

struct file_response {
    char content_type[64];
    char cache_control[48];
    size_t size;
    int compress;
    int status;
};

static const struct mime_type mime_types[] = {
    { "html", "text/html; charset=utf-8", 1, 60 },
    { "css", "text/css", 1, 86400 },
    { "js", "application/javascript", 1, 86400 },
    { "json", "application/json", 1, 0 },
    { "svg", "image/svg+xml", 1, 86400 },
    { "png", "image/png", 0, 604800 },
    { "jpg", "image/jpeg", 0, 604800 },
    { "woff2", "font/woff2", 0, 2592000 },
    { "wasm", "application/wasm", 1, 86400 },
};

static const struct mime_type mime_default = { "", "application/octet-stream", 0, 0 };

/* Looks up the type by the extension of the last path component. */
const struct mime_type *mime_lookup(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    size_t i;

    if (!dot || dot[1] == '\0')
        return NULL;
    for (i = 0; i < sizeof(mime_types) / sizeof(mime_types[0]); i++) {
        if (strcasecmp(dot + 1, mime_types[i].ext) == 0)
            return &mime_types[i];
    }
    return NULL;
}

const char *mime_type_name(const char *path)
{
    const struct mime_type *m = mime_lookup(path);

    return m ? m->type : mime_default.type;
}

static int path_is_safe(const char *path)
{
    const char *p = path;

    if (path[0] != '/')
        return 0;
    while ((p = strstr(p, "..")) != NULL) {
        if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
            return 0;
        p += 2;
    }
    return 1;
}

/* Fills the header fields for serving path (size bytes). Returns the status. */
int file_response_prepare(struct file_response *r, const char *path, size_t size,
                          int client_accepts_gzip)
{
    const struct mime_type *m;
    int max_age;

    memset(r, 0, sizeof(*r));
    if (!path_is_safe(path)) {
        r->status = 403;
        return r->status;
    }
    m = mime_lookup(path);
    max_age = m->max_age; // expect-warning: CWE-476
    snprintf(r->content_type, sizeof(r->content_type), "%s", mime_type_name(path));
    r->size = size;
    r->compress = client_accepts_gzip && m->compressible && size >= 1024;
    if (max_age > 0)
        snprintf(r->cache_control, sizeof(r->cache_control), "public, max-age=%d", max_age);
    else
        snprintf(r->cache_control, sizeof(r->cache_control), "no-cache");
    r->status = 200;
    return r->status;
}
