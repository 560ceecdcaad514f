/* Set-Cookie header parsing (RFC 6265 section 5.2) for an HTTP client. */
#include <stddef.h>
#include <string.h>
#include <ctype.h>

enum cookie_same_site { SAME_SITE_DEFAULT, SAME_SITE_STRICT, SAME_SITE_LAX, SAME_SITE_NONE };

struct cookie {
    char name[64];
    char value[256];
    char domain[128];
    char path[128];
    long max_age;               /* -1: session cookie */
    int secure;
    int http_only;
    int host_only;
    enum cookie_same_site same_site;
};

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Value of "name=value", trimmed; NULL if there is no '='. */
static const char *attr_value(const char *a, size_t n, size_t *vlen)
{
    const char *eq = memchr(a, '=', n), *v;

    if (!eq)
        return NULL;
    v = eq + 1;
    *vlen = n - (size_t)(v - a);
    trim(&v, vlen);
    return v;
}

static int attr_is(const char *a, size_t n, const char *name)
{
    size_t k = strlen(name), i;

    if (n < k || (n > k && a[k] != '=' && a[k] != ' '))
        return 0;
    for (i = 0; i < k; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)name[i]))
            return 0;
    return 1;
}

static int copy_field(char *dst, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        return -1;
    memcpy(dst, s, n);
    dst[n] = '\0';
    return 0;
}

static int domain_match(const char *host, const char *domain)
{
    size_t h = strlen(host), d = strlen(domain);

    if (h == d)
        return strcmp(host, domain) == 0;
    return h > d && host[h - d - 1] == '.' && strcmp(host + h - d, domain) == 0;
}

int cookie_parse(const char *hdr, size_t len, const char *req_host, struct cookie *c)
{
    const char *a = hdr, *end = hdr + len, *semi, *v;
    size_t n, vl, i;

    memset(c, 0, sizeof(*c));
    c->max_age = -1;
    c->host_only = 1;
    semi = memchr(a, ';', len);
    n = semi ? (size_t)(semi - a) : len;
    if (!(v = attr_value(a, n, &vl)) || copy_field(c->value, sizeof(c->value), v, vl) < 0)
        return -1;
    n = (size_t)(memchr(a, '=', n) ? (const char *)memchr(a, '=', n) - a : 0);
    trim(&a, &n);
    if (n == 0 || copy_field(c->name, sizeof(c->name), a, n) < 0)
        return -1;
    while (semi) {
        a = semi + 1;
        semi = memchr(a, ';', (size_t)(end - a));
        n = semi ? (size_t)(semi - a) : (size_t)(end - a);
        trim(&a, &n);
        if (attr_is(a, n, "Domain")) {
            v = attr_value(a, n, &vl);
            if (vl && *v == '.') { // expect-warning: CWE-690
                v++;
                vl--;
            }
            if (vl == 0 || copy_field(c->domain, sizeof(c->domain), v, vl) < 0)
                continue;
            for (i = 0; i < vl; i++)
                c->domain[i] = (char)tolower((unsigned char)c->domain[i]);
            if (!domain_match(req_host, c->domain))
                return -1;
            c->host_only = 0;
        } else if (attr_is(a, n, "Path")) {
            v = attr_value(a, n, &vl);
            if (v && vl && *v == '/')
                copy_field(c->path, sizeof(c->path), v, vl);
        } else if (attr_is(a, n, "Max-Age")) {
            v = attr_value(a, n, &vl);
            if (!v || vl == 0 || vl > 9)
                continue;
            for (c->max_age = 0, i = (*v == '-'); i < vl && isdigit((unsigned char)v[i]); i++)
                c->max_age = c->max_age * 10 + (v[i] - '0');
            if (*v == '-')
                c->max_age = 0;     /* expire now */
        } else if (attr_is(a, n, "Secure")) {
            c->secure = 1;
        } else if (attr_is(a, n, "HttpOnly")) {
            c->http_only = 1;
        } else if (attr_is(a, n, "SameSite") && (v = attr_value(a, n, &vl)) != NULL) {
            c->same_site = vl == 6 && tolower((unsigned char)v[0]) == 's' ? SAME_SITE_STRICT :
                           vl == 3 && tolower((unsigned char)v[0]) == 'l' ? SAME_SITE_LAX :
                           vl == 4 && tolower((unsigned char)v[0]) == 'n' ? SAME_SITE_NONE : SAME_SITE_DEFAULT;
        }
    }
    if (c->same_site == SAME_SITE_NONE && !c->secure)
        return -1;
    return 0;
}
