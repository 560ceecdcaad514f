/* SMTP client side: multi-line reply parsing (RFC 5321 section 4.2) and
 * EHLO service extension discovery (RFC 1869, RFC 1870 SIZE). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define SMTP_LINE_MAX 512
#define SMTP_KEYWORD_MAX 32
#define SMTP_TEXT_MAX 256

#define SMTP_EXT_PIPELINING 0x01u
#define SMTP_EXT_8BITMIME 0x02u
#define SMTP_EXT_SIZE 0x04u
#define SMTP_EXT_STARTTLS 0x08u
#define SMTP_EXT_AUTH 0x10u
#define SMTP_EXT_SMTPUTF8 0x20u
#define SMTP_EXT_CHUNKING 0x40u

struct smtp_reply {
    int code;
    unsigned nlines;
    char text[SMTP_TEXT_MAX];
    size_t text_len;
};

struct smtp_ext {
    unsigned flags;
    uint64_t size_limit;
};

static const struct {
    const char *keyword;
    unsigned flag;
} smtp_keywords[] = {
    { "PIPELINING", SMTP_EXT_PIPELINING }, { "8BITMIME", SMTP_EXT_8BITMIME },
    { "SIZE", SMTP_EXT_SIZE }, { "STARTTLS", SMTP_EXT_STARTTLS },
    { "AUTH", SMTP_EXT_AUTH }, { "SMTPUTF8", SMTP_EXT_SMTPUTF8 },
    { "CHUNKING", SMTP_EXT_CHUNKING },
};

/* Parses one complete reply.  Returns the bytes consumed, 0 if more input
 * is needed, -1 on a malformed reply. */
long smtp_parse_reply(const char *buf, size_t len, struct smtp_reply *r)
{
    size_t off = 0, n, t;
    const char *line, *eol;
    int code;

    memset(r, 0, sizeof(*r));
    for (;;) {
        line = buf + off;
        eol = memchr(line, '\n', len - off);
        if (!eol)
            return len - off > SMTP_LINE_MAX ? -1 : 0;
        n = (size_t)(eol - line);
        if (n && line[n - 1] == '\r')
            n--;
        if (n < 3 || n > SMTP_LINE_MAX || !isdigit((unsigned char)line[0]) ||
            !isdigit((unsigned char)line[1]) || !isdigit((unsigned char)line[2]))
            return -1;
        code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
        if (r->nlines && code != r->code)
            return -1;
        r->code = code;
        r->nlines++;
        t = n > 4 ? n - 4 : 0;
        if (r->text_len && r->text_len < SMTP_TEXT_MAX - 1)
            r->text[r->text_len++] = '\n';
        if (t > SMTP_TEXT_MAX - 1 - r->text_len)
            t = SMTP_TEXT_MAX - 1 - r->text_len;
        memcpy(r->text + r->text_len, line + 4, t);
        r->text_len += t;
        r->text[r->text_len] = '\0';
        off = (size_t)(eol - buf) + 1;
        if (n == 3 || line[3] == ' ')
            return (long)off;
        if (line[3] != '-')
            return -1;
    }
}

static int parse_size(const char *p, size_t plen, uint64_t *out)
{
    char num[21], *end;

    if (plen == 0) {
        *out = 0;               /* SIZE without a limit */
        return 0;
    }
    if (plen > SMTP_KEYWORD_MAX)
        return -1;
    memcpy(num, p, plen); // expect-warning: CWE-121
    num[plen] = '\0';
    *out = strtoull(num, &end, 10);
    return *end == '\0' ? 0 : -1;
}

/* Collects the extensions advertised in a 250 reply to EHLO; the first
 * line is the greeting and is skipped. */
int smtp_ehlo_extensions(const struct smtp_reply *r, struct smtp_ext *ext)
{
    char kw[SMTP_KEYWORD_MAX + 1];
    const char *line = r->text, *eol, *sp;
    size_t n, kl, i;

    memset(ext, 0, sizeof(*ext));
    if (r->code != 250)
        return -1;
    while ((eol = strchr(line, '\n')) != NULL) {
        line = eol + 1;
        eol = strchr(line, '\n');
        n = eol ? (size_t)(eol - line) : strlen(line);
        sp = memchr(line, ' ', n);
        kl = sp ? (size_t)(sp - line) : n;
        if (kl == 0 || kl > SMTP_KEYWORD_MAX)
            continue;
        for (i = 0; i < kl; i++)
            kw[i] = (char)toupper((unsigned char)line[i]);
        kw[kl] = '\0';
        for (i = 0; i < sizeof(smtp_keywords) / sizeof(smtp_keywords[0]); i++) {
            if (strcmp(kw, smtp_keywords[i].keyword) != 0)
                continue;
            ext->flags |= smtp_keywords[i].flag;
            if (smtp_keywords[i].flag == SMTP_EXT_SIZE && sp &&
                parse_size(sp + 1, n - kl - 1, &ext->size_limit) < 0)
                return -1;
        }
    }
    return 0;
}
