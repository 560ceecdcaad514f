#include <stdlib.h>
#include <string.h>

struct contact {
    char *name;
    char *email;
    char *phone;
};

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static int valid_email(const char *s)
{
    const char *at = strchr(s, '@');

    return at && at != s && strchr(at + 1, '.') != NULL;
}

/* Parses "name;email;phone" where phone is optional. */
struct contact *contact_parse(const char *line)
{
    struct contact *c = calloc(1, sizeof(*c));
    const char *f1, *f2;

    if (!c)
        return NULL;
    f1 = strchr(line, ';');
    if (!f1 || f1 == line)
        goto fail;
    c->name = dup_range(line, (size_t)(f1 - line));
    if (!c->name)
        goto fail;
    f1++;
    f2 = strchr(f1, ';');
    c->email = dup_range(f1, f2 ? (size_t)(f2 - f1) : strlen(f1));
    if (!c->email)
        goto fail;
    if (!valid_email(c->email)) {
        free(c->email);
        goto fail;
    }
    if (f2) {
        c->phone = dup_range(f2 + 1, strlen(f2 + 1));
        if (!c->phone)
            goto fail;
    }
    return c;

fail:
    free(c->phone);
    free(c->email); // expect-warning: CWE-415
    free(c->name);
    free(c);
    return NULL;
}

void contact_free(struct contact *c)
{
    if (!c)
        return;
    free(c->phone);
    free(c->email);
    free(c->name);
    free(c);
}
