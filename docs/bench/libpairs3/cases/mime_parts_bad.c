#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Builder for multipart/mixed MIME messages.  Parts are collected and then
 * serialized with a boundary chosen by the caller.
 */

#define MIME_MAX_PARTS 8
#define MIME_MAX_BODY (64 * 1024)

struct mime_part {
    char ctype[64];
    char *body;
    size_t len;
};

struct mime_msg {
    struct mime_part parts[MIME_MAX_PARTS];
    size_t nparts;
    size_t total;
};

/* Takes ownership of body in every case: on failure it is released. */
static int part_attach(struct mime_msg *m, const char *ctype, char *body, size_t len)
{
    struct mime_part *p;

    if (m->nparts == MIME_MAX_PARTS || strlen(ctype) >= sizeof(p->ctype) ||
        m->total + len > MIME_MAX_BODY) {
        free(body);
        return -1;
    }
    p = &m->parts[m->nparts++];
    strcpy(p->ctype, ctype);
    p->body = body;
    p->len = len;
    m->total += len;
    return 0;
}

int mime_add_text(struct mime_msg *m, const char *text)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1);

    if (!copy)
        return -1;
    memcpy(copy, text, len + 1);
    if (part_attach(m, "text/plain; charset=utf-8", copy, len) < 0) {
        free(copy); // expect-warning: CWE-415
        return -1;
    }
    return 0;
}

int mime_add_binary(struct mime_msg *m, const char *ctype, const void *data, size_t len)
{
    char *copy = malloc(len ? len : 1);

    if (!copy)
        return -1;
    memcpy(copy, data, len);
    return part_attach(m, ctype, copy, len);
}

/* Serializes into a newly allocated string; returns NULL on failure. */
char *mime_render(const struct mime_msg *m, const char *boundary, size_t *outlen)
{
    size_t blen = strlen(boundary), need = 0, i, o = 0;
    char *out;

    if (blen == 0 || blen > 70 || m->nparts == 0)
        return NULL;
    for (i = 0; i < m->nparts; i++)
        need += 2 + blen + 2 + 14 + strlen(m->parts[i].ctype) + 4 + m->parts[i].len + 2;
    need += 2 + blen + 4 + 1;
    out = malloc(need);
    if (!out)
        return NULL;
    for (i = 0; i < m->nparts; i++) {
        const struct mime_part *p = &m->parts[i];
        o += (size_t)snprintf(out + o, need - o, "--%s\r\nContent-Type: %s\r\n\r\n", boundary, p->ctype);
        memcpy(out + o, p->body, p->len);
        o += p->len;
        memcpy(out + o, "\r\n", 2);
        o += 2;
    }
    o += (size_t)snprintf(out + o, need - o, "--%s--\r\n", boundary);
    if (outlen)
        *outlen = o;
    return out;
}

void mime_free(struct mime_msg *m)
{
    size_t i;

    for (i = 0; i < m->nparts; i++)
        free(m->parts[i].body);
    memset(m, 0, sizeof(*m));
}
