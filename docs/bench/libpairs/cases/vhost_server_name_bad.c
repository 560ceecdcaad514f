#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct vhost {
    char *server_name;
    char *root;
    unsigned port;
};

static char *dup_value(const char *s, size_t n)
{
    char *p;

    if (n == 0)
        return NULL;
    p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void vhost_clear(struct vhost *vh)
{
    free(vh->server_name);
    free(vh->root);
    vh->server_name = NULL;
    vh->root = NULL;
}

static int parse_port(const char *s, size_t n, unsigned *out)
{
    unsigned v = 0;
    size_t i;

    if (n == 0 || n > 5)
        return -1;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    if (v == 0 || v > 65535)
        return -1;
    *out = v;
    return 0;
}

/* Parses directive lines "key value" (one per line) into vh. */
int vhost_parse(struct vhost *vh, const char *text)
{
    const char *line = text;

    memset(vh, 0, sizeof *vh);
    vh->port = 80;
    while (*line != '\0') {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        const char *sp = memchr(line, ' ', len);
        const char *val;
        size_t klen, vlen;

        if (len == 0)
            goto next;
        if (sp == NULL)
            goto fail;
        klen = (size_t)(sp - line);
        val = sp + 1;
        vlen = len - klen - 1;
        if (klen == 11 && memcmp(line, "server_name", 11) == 0) {
            vh->server_name = dup_value(val, vlen);  // expect-warning: CWE-401
            if (vh->server_name == NULL)
                goto fail;
        } else if (klen == 4 && memcmp(line, "root", 4) == 0) {
            free(vh->root);
            vh->root = dup_value(val, vlen);
            if (vh->root == NULL)
                goto fail;
        } else if (klen == 6 && memcmp(line, "listen", 6) == 0) {
            if (parse_port(val, vlen, &vh->port) < 0)
                goto fail;
        } else {
            goto fail;
        }
next:
        line += len;
        if (*line == '\n')
            line++;
    }
    return 0;

fail:
    vhost_clear(vh);
    return -1;
}
