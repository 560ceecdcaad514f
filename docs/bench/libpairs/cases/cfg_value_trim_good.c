#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static char *trim(char *s)
{
    char *end;

    while (*s == ' ' || *s == '\t')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    *end = '\0';
    return s;
}

/* Finds "key = value" in config text and returns the line's value part. */
static const char *cfg_find(const char *text, const char *key, size_t *vlen)
{
    size_t klen = strlen(key);
    const char *line = text;

    while (*line != '\0') {
        const char *nl = strchr(line, '\n');
        const char *end = nl ? nl : line + strlen(line);
        const char *p = line;

        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if ((size_t)(end - p) > klen && memcmp(p, key, klen) == 0) {
            p += klen;
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
            if (p < end && *p == '=') {
                *vlen = (size_t)(end - p - 1);
                return p + 1;
            }
        }
        line = nl ? nl + 1 : end;
    }
    return NULL;
}

int cfg_get_long(const char *text, const char *key, long *out)
{
    const char *raw;
    char *buf, *val, *endp;
    size_t vlen;
    int ok;

    raw = cfg_find(text, key, &vlen);
    if (raw == NULL)
        return -1;
    buf = dup_n(raw, vlen);
    if (buf == NULL)
        return -1;
    val = trim(buf);
    *out = strtol(val, &endp, 10);
    ok = *val != '\0' && *endp == '\0';
    free(buf);
    return ok ? 0 : -1;
}
