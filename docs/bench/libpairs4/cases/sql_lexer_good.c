/* Tokenizer for a small SQL dialect, used to classify statements and to
 * count bind parameters before they are sent to the server. */
#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#define SQL_MAX_TOKEN 1024

enum { TK_END, TK_IDENT, TK_NUMBER, TK_STRING, TK_PARAM, TK_OP, TK_PUNCT };

struct sql_token {
    int type;
    size_t start, len;
};

static size_t skip_space(const char *s, size_t n, size_t i)
{
    for (;;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i + 1 < n && s[i] == '-' && s[i + 1] == '-') {
            while (i < n && s[i] != '\n')
                i++;
            continue;
        }
        return i;
    }
}

/* Lexes one token at *pos.  Returns 0 and advances *pos, or -1. */
int sql_next(const char *s, size_t n, size_t *pos, struct sql_token *t)
{
    size_t i = skip_space(s, n, *pos), e, k;
    char c;

    t->start = i;
    if (i >= n) {
        t->type = TK_END;
        t->len = 0;
        *pos = i;
        return 0;
    }
    c = s[i];
    if (isalpha((unsigned char)c) || c == '_') {
        for (e = i + 1; e < n && (isalnum((unsigned char)s[e]) || s[e] == '_'); e++)
            ;
        t->type = TK_IDENT;
    } else if (isdigit((unsigned char)c)) {
        for (e = i + 1; e < n && (isdigit((unsigned char)s[e]) || s[e] == '.'); e++)
            ;
        t->type = TK_NUMBER;
    } else if (c == '\'' || c == '"') {
        for (k = i + 1; k < n; k++) {
            if (s[k] != c)
                continue;
            if (k + 1 < n && s[k + 1] == c) {
                k++;
                continue;
            }
            e = k + 1;
            break;
        }
        if (k >= n)
            return -1;
        t->type = c == '\'' ? TK_STRING : TK_IDENT;
    } else if (c == '?' || c == ':' || c == '$') {
        for (e = i + 1; e < n && (isalnum((unsigned char)s[e]) || s[e] == '_'); e++)
            ;
        t->type = TK_PARAM;
    } else if (strchr("<>=!|", c)) {
        e = i + 1;
        if (e < n && strchr("=<>|", s[e]))
            e++;
        t->type = TK_OP;
    } else if (strchr("(),;.*+-/%", c)) {
        e = i + 1;
        t->type = TK_PUNCT;
    } else {
        return -1;
    }
    if (e - i > SQL_MAX_TOKEN)
        return -1;
    t->len = e - i;
    *pos = e;
    return 0;
}

/* Number of bind parameters, or -1 if the text does not tokenize. */
int sql_count_params(const char *s, size_t n)
{
    struct sql_token t;
    size_t pos = 0;
    int count = 0;

    for (;;) {
        if (sql_next(s, n, &pos, &t) < 0)
            return -1;
        if (t.type == TK_END)
            return count;
        count += t.type == TK_PARAM;
    }
}

/* 1 if the first statement is a SELECT/WITH/EXPLAIN and no later keyword
 * modifies data, 0 otherwise, -1 on lexical errors. */
int sql_is_readonly(const char *s, size_t n)
{
    static const char *const writes[] = { "insert", "update", "delete", "replace", "create",
                                          "drop", "alter", "into", NULL };
    struct sql_token t;
    size_t pos = 0, i;
    int first = 1;

    for (;;) {
        if (sql_next(s, n, &pos, &t) < 0)
            return -1;
        if (t.type == TK_END)
            return !first;
        if (t.type != TK_IDENT)
            continue;
        if (first) {
            if (!((t.len == 6 && strncasecmp(s + t.start, "select", 6) == 0) ||
                  (t.len == 4 && strncasecmp(s + t.start, "with", 4) == 0) ||
                  (t.len == 7 && strncasecmp(s + t.start, "explain", 7) == 0)))
                return 0;
            first = 0;
            continue;
        }
        for (i = 0; writes[i]; i++)
            if (t.len == strlen(writes[i]) && strncasecmp(s + t.start, writes[i], t.len) == 0)
                return 0;
    }
}
