#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strbuf {
    char *data;
    size_t len;
    size_t cap;
};

static int sb_reserve(struct strbuf *sb, size_t extra)
{
    size_t need, ncap;
    char *p;

    if (extra > SIZE_MAX - sb->len - 1)
        return -1;
    need = sb->len + extra + 1;
    if (need <= sb->cap)
        return 0;
    ncap = sb->cap ? sb->cap : 32;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    p = realloc(sb->data, ncap);
    if (p == NULL)
        return -1;
    sb->data = p;
    sb->cap = ncap;
    return 0;
}

static int sb_append(struct strbuf *sb, const char *s, size_t n)
{
    if (sb_reserve(sb, n) < 0)
        return -1;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return 0;
}

/* Appends "key": with the key folded to lower case. */
int sb_append_key(struct strbuf *sb, const char *key, size_t n)
{
    char *start;
    size_t i;

    if (sb_reserve(sb, 1) < 0)
        return -1;
    start = sb->data + sb->len;
    if (sb_append(sb, "\"", 1) < 0 || sb_append(sb, key, n) < 0 ||
        sb_append(sb, "\":", 2) < 0)
        return -1;
    for (i = 1; i <= n; i++) {
        if (start[i] >= 'A' && start[i] <= 'Z')  // expect-warning: CWE-416
            start[i] = (char)(start[i] - 'A' + 'a');
    }
    return 0;
}

/* Builds {"key":value,...} from parallel arrays. */
int json_object_build(struct strbuf *sb, const char *const *keys,
                      const long *vals, size_t count)
{
    char num[32];
    size_t i;
    int len;

    if (sb_append(sb, "{", 1) < 0)
        return -1;
    for (i = 0; i < count; i++) {
        if (i > 0 && sb_append(sb, ",", 1) < 0)
            return -1;
        if (sb_append_key(sb, keys[i], strlen(keys[i])) < 0)
            return -1;
        len = snprintf(num, sizeof num, "%ld", vals[i]);
        if (len < 0 || sb_append(sb, num, (size_t)len) < 0)
            return -1;
    }
    return sb_append(sb, "}", 1);
}

void sb_release(struct strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}
