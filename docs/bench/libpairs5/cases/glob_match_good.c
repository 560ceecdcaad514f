/* Shell-style wildcard matching (fnmatch subset): '*', '?', bracket
 * expressions with ranges and negation, backslash quoting, and an option
 * that keeps '*' and '?' from matching a '/'. */
#include <stddef.h>
#include <string.h>

#define GLOB_PATHNAME 0x01
#define GLOB_NOESCAPE 0x02
#define GLOB_CASEFOLD 0x04

enum { GLOB_MATCH = 0, GLOB_NOMATCH = 1, GLOB_ERROR = -1 };

static unsigned char fold(unsigned char c, int flags)
{
    if ((flags & GLOB_CASEFOLD) && c >= 'A' && c <= 'Z')
        return (unsigned char)(c - 'A' + 'a');
    return c;
}

/* Next character of a bracket expression, honouring a quoting backslash. */
static unsigned char class_char(const char **pp, int flags)
{
    const char *p = *pp;

    if (*p == '\\' && p[1] != '\0' && !(flags & GLOB_NOESCAPE))
        p++;
    *pp = p + 1;
    return (unsigned char)*p;
}

/* Matches c against the bracket expression starting after '['.  Returns a
 * pointer past the closing ']', or NULL if the expression is not closed. */
static const char *match_class(const char *p, unsigned char c, int flags, int *matched)
{
    unsigned char lo, hi;
    int neg = 0, ok = 0;

    if (*p == '!' || *p == '^') {
        neg = 1;
        p++;
    }
    if (*p == ']') {
        ok = c == ']';
        p++;
    }
    while (*p != ']') {
        if (*p == '\0')
            return NULL;
        lo = hi = class_char(&p, flags);
        if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
            p++;
            hi = class_char(&p, flags);
        }
        if (fold(lo, flags) <= fold(c, flags) && fold(c, flags) <= fold(hi, flags))
            ok = 1;
    }
    *matched = ok != neg;
    return p + 1;
}

int glob_match(const char *pat, const char *str, int flags)
{
    const char *star_p = NULL, *star_s = NULL, *next;
    unsigned char c;
    int m;

    for (;;) {
        c = (unsigned char)*str;
        switch (*pat) {
        case '\0':
            if (c == '\0')
                return GLOB_MATCH;
            goto backtrack;
        case '*':
            while (*pat == '*')
                pat++;
            star_p = pat;
            star_s = str;
            continue;
        case '?':
            if (c == '\0' || (c == '/' && (flags & GLOB_PATHNAME)))
                goto backtrack;
            pat++;
            str++;
            continue;
        case '[':
            if (c == '\0' || (c == '/' && (flags & GLOB_PATHNAME)))
                goto backtrack;
            next = match_class(pat + 1, c, flags, &m);
            if (!next)
                return GLOB_ERROR;
            if (!m)
                goto backtrack;
            pat = next;
            str++;
            continue;
        case '\\':
            if (!(flags & GLOB_NOESCAPE) && pat[1])
                pat++;
            /* fall through */
        default:
            if (fold((unsigned char)*pat, flags) != fold(c, flags))
                goto backtrack;
            pat++;
            str++;
            continue;
        }
backtrack:
        if (!star_p || *star_s == '\0')
            return GLOB_NOMATCH;
        if (*star_s == '/' && (flags & GLOB_PATHNAME))
            return GLOB_NOMATCH;
        star_s++;
        pat = star_p;
        str = star_s;
    }
}

/* Returns 1 if the pattern contains any wildcard characters. */
int glob_has_magic(const char *pat, int flags)
{
    for (; *pat; pat++) {
        if (*pat == '*' || *pat == '?' || *pat == '[')
            return 1;
        if (*pat == '\\' && !(flags & GLOB_NOESCAPE) && pat[1])
            pat++;
    }
    return 0;
}

/* Counts the names in a NULL-terminated list that match the pattern. */
size_t glob_filter(const char *pat, const char *const *names, int flags)
{
    size_t n = 0;

    for (; *names; names++)
        if (glob_match(pat, *names, flags) == GLOB_MATCH)
            n++;
    return n;
}
