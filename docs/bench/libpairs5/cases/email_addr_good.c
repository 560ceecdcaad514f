/* RFC 5322 address lists ("Name <local@domain>, other@domain"): parsing,
 * copying and lookup.  Domains are stored in lower case. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#define ADDR_LIST_MAX 100

struct mailbox {
    char *display;          /* NULL when the address has no display name */
    char *local;
    char *domain;
};

struct addr_list {
    struct mailbox *v;
    size_t n;
};

static char *dup_trim(const char *s, size_t n)
{
    char *r;

    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s++;
        n -= 2;
    }
    if (!(r = malloc(n + 1)))
        return NULL;
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

static void mailbox_clear(struct mailbox *mb)
{
    free(mb->display);
    free(mb->local);
    free(mb->domain);
    memset(mb, 0, sizeof(*mb));
}

static int parse_mailbox(const char *s, size_t n, struct mailbox *mb)
{
    const char *lt = memchr(s, '<', n), *gt, *addr = s, *at = NULL;
    size_t alen = n, i;

    memset(mb, 0, sizeof(*mb));
    if (lt) {
        gt = memchr(lt, '>', n - (size_t)(lt - s));
        if (!gt)
            return -1;
        if (lt > s && !(mb->display = dup_trim(s, (size_t)(lt - s))))
            return -1;
        addr = lt + 1;
        alen = (size_t)(gt - addr);
    }
    for (i = 0; i < alen; i++)
        if (addr[i] == '@')
            at = addr + i;
    if (!at || at == addr || at == addr + alen - 1 ||
        !(mb->local = dup_trim(addr, (size_t)(at - addr))) ||
        !(mb->domain = dup_trim(at + 1, alen - (size_t)(at + 1 - addr)))) {
        mailbox_clear(mb);
        return -1;
    }
    for (i = 0; mb->domain[i]; i++)
        mb->domain[i] = (char)tolower((unsigned char)mb->domain[i]);
    return 0;
}

void addr_list_free(struct addr_list *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        mailbox_clear(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

int addr_list_parse(const char *s, size_t len, struct addr_list *l)
{
    size_t i, start = 0;
    int quoted = 0, angle = 0;

    l->n = 0;
    if (!(l->v = calloc(ADDR_LIST_MAX, sizeof(*l->v))))
        return -1;
    for (i = 0; i <= len; i++) {
        if (i < len && s[i] == '"')
            quoted = !quoted;
        else if (i < len && !quoted && (s[i] == '<' || s[i] == '>'))
            angle = s[i] == '<';
        if (i < len && (s[i] != ',' || quoted || angle))
            continue;
        if (l->n == ADDR_LIST_MAX || parse_mailbox(s + start, i - start, &l->v[l->n]) < 0) {
            addr_list_free(l);
            return -1;
        }
        l->n++;
        start = i + 1;
    }
    return 0;
}

static int mailbox_copy(struct mailbox *d, const struct mailbox *s)
{
    *d = *s;
    d->display = s->display ? strdup(s->display) : NULL;
    d->local = strdup(s->local);
    d->domain = strdup(s->domain);
    if (!d->local || !d->domain || (s->display && !d->display)) {
        mailbox_clear(d);
        return -1;
    }
    return 0;
}

int addr_list_copy(struct addr_list *dst, const struct addr_list *src)
{
    size_t i;

    dst->n = 0;
    if (!(dst->v = calloc(src->n ? src->n : 1, sizeof(*dst->v))))
        return -1;
    for (i = 0; i < src->n; i++, dst->n++) {
        if (mailbox_copy(&dst->v[i], &src->v[i]) < 0) {
            addr_list_free(dst);
            return -1;
        }
    }
    return 0;
}

const struct mailbox *addr_list_find(const struct addr_list *l, const char *local, const char *domain)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (strcmp(l->v[i].local, local) == 0 && strcasecmp(l->v[i].domain, domain) == 0)
            return &l->v[i];
    return NULL;
}
