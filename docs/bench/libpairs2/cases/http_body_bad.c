#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MSG_BODY_MAX (1u << 20)

struct http_msg {
    int status;
    char *body;
    size_t body_len;
    char content_type[64];
};

void msg_init(struct http_msg *m, int status)
{
    m->status = status;
    m->body = NULL;
    m->body_len = 0;
    m->content_type[0] = '\0';
}

int msg_set_body(struct http_msg *m, const void *data, size_t len, const char *ctype)
{
    size_t tlen = strlen(ctype);

    free(m->body);
    if (len > MSG_BODY_MAX || tlen >= sizeof(m->content_type))
        return -1;
    m->body = malloc(len ? len : 1);
    if (!m->body) {
        m->body_len = 0;
        return -1;
    }
    memcpy(m->body, data, len);
    m->body_len = len;
    memcpy(m->content_type, ctype, tlen + 1);
    return 0;
}

int msg_append_body(struct http_msg *m, const void *data, size_t len)
{
    char *nb;

    if (len > MSG_BODY_MAX - m->body_len)
        return -1;
    nb = realloc(m->body, m->body_len + len + 1);
    if (!nb)
        return -1;
    memcpy(nb + m->body_len, data, len);
    m->body = nb;
    m->body_len += len;
    return 0;
}

void msg_clear(struct http_msg *m)
{
    free(m->body); // expect-warning: CWE-415
    m->body = NULL;
    m->body_len = 0;
    m->content_type[0] = '\0';
}
