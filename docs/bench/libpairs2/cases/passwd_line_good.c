#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct user {
    char *name;
    char *home;
    uint32_t uid;
    uint32_t gid;
};

static int split_fields(const char *line, const char *f[7], size_t flen[7])
{
    size_t i = 0;
    const char *p = line;

    for (i = 0; i < 7; i++) {
        const char *c = strchr(p, ':');
        f[i] = p;
        flen[i] = c ? (size_t)(c - p) : strlen(p);
        if (!c)
            return i == 6 ? 0 : -1;
        p = c + 1;
    }
    return -1;
}

static int parse_id(const char *s, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    size_t i;

    if (n == 0 || n > 9)
        return -1;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    *out = v;
    return 0;
}

/* "name:passwd:uid:gid:gecos:home:shell" */
int passwd_parse_line(const char *line, struct user *u)
{
    const char *f[7];
    size_t flen[7];
    char *name;

    if (split_fields(line, f, flen) < 0 || flen[0] == 0)
        return -1;
    name = strndup(f[0], flen[0]);
    if (!name)
        return -1;
    if (parse_id(f[2], flen[2], &u->uid) < 0 || parse_id(f[3], flen[3], &u->gid) < 0) {
        free(name);
        return -1;
    }
    u->home = strndup(f[5], flen[5]);
    if (!u->home) {
        free(name);
        return -1;
    }
    u->name = name;
    return 0;
}

void user_release(struct user *u)
{
    free(u->name);
    free(u->home);
    u->name = u->home = NULL;
}
