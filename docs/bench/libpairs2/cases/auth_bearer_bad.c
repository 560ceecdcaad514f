#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct token_store {
    const char **tokens;
    size_t n;
};

static char *trim(char *s)
{
    size_t n;

    while (isspace((unsigned char)*s))
        s++;
    n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int constant_time_eq(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i;
    unsigned char diff = (unsigned char)(la != lb);

    for (i = 0; i < la && i < lb; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

/* Checks an "Authorization" header value such as "Bearer abc123". */
int auth_check_header(const struct token_store *ts, const char *value)
{
    char *hdr;
    size_t i;
    int ok = 0;

    if (!value)
        return 0;
    hdr = strdup(value);
    if (!hdr)
        return 0;
    hdr = trim(hdr);
    if (strncmp(hdr, "Bearer ", 7) == 0) {
        const char *tok = trim(hdr + 7);
        for (i = 0; i < ts->n; i++) {
            if (constant_time_eq(tok, ts->tokens[i])) {
                ok = 1;
                break;
            }
        }
    }
    free(hdr); // expect-warning: CWE-761
    return ok;
}
