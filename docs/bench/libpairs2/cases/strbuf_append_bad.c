#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct strbuf {
    char *data;
    size_t len;
    size_t cap;
};

void sb_init(struct strbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
}

static int sb_reserve(struct strbuf *sb, size_t extra)
{
    size_t need = sb->len + extra;
    size_t ncap;
    char *p;

    if (need < sb->len)
        return -1;
    if (need <= sb->cap)
        return 0;
    ncap = sb->cap ? sb->cap : 16;
    while (ncap < need)
        ncap *= 2;
    p = realloc(sb->data, ncap);
    if (!p)
        return -1;
    sb->data = p;
    sb->cap = ncap;
    return 0;
}

int sb_append(struct strbuf *sb, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (sb_reserve(sb, n) < 0)
        return -1;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0'; // expect-warning: CWE-193
    return 0;
}

int sb_append_str(struct strbuf *sb, const char *s)
{
    return sb_append(sb, s, strlen(s));
}

int sb_join(struct strbuf *sb, const char *const *parts, size_t n, const char *sep)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (i > 0 && sb_append_str(sb, sep) < 0)
            return -1;
        if (sb_append_str(sb, parts[i]) < 0)
            return -1;
    }
    return 0;
}

char *sb_detach(struct strbuf *sb)
{
    char *p = sb->data;

    sb_init(sb);
    return p;
}

void sb_release(struct strbuf *sb)
{
    free(sb->data);
    sb_init(sb);
}
