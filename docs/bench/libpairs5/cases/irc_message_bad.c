/* IRC protocol message parser (RFC 1459/2812 framing, IRCv3 message tags).
 * The line is copied once and split in place. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define IRC_LINE_MAX 512
#define IRC_TAGS_MAX 8191
#define IRC_MAX_PARAMS 15

struct irc_prefix {
    const char *nick;
    const char *user;
    const char *host;
};

struct irc_msg {
    char *line;
    const char *tags;
    struct irc_prefix prefix;
    const char *command;
    unsigned nparams;
    const char *params[IRC_MAX_PARAMS];
};

static char *next_token(char *p)
{
    p = strchr(p, ' ');
    if (!p)
        return NULL;
    *p++ = '\0';
    while (*p == ' ')
        p++;
    return p;
}

static void split_prefix(char *s, struct irc_prefix *pfx)
{
    char *at = strchr(s, '@'), *bang;

    pfx->nick = s;
    if (at) {
        *at = '\0';
        pfx->host = at + 1;
    }
    bang = strchr(s, '!');
    if (bang) {
        *bang = '\0';
        pfx->user = bang + 1;
    }
}

static int valid_command(const char *c)
{
    size_t i, n = strlen(c);

    if (n == 3 && isdigit((unsigned char)c[0]) && isdigit((unsigned char)c[1]) && isdigit((unsigned char)c[2]))
        return 1;
    for (i = 0; i < n; i++)
        if (!isalpha((unsigned char)c[i]))
            return 0;
    return n > 0;
}

void irc_msg_clear(struct irc_msg *m)
{
    free(m->line);
    memset(m, 0, sizeof(*m));
}

int irc_parse(const char *data, size_t len, struct irc_msg *m)
{
    size_t tags_len = 0;
    char *p;

    memset(m, 0, sizeof(*m));
    while (len && (data[len - 1] == '\n' || data[len - 1] == '\r'))
        len--;
    if (len == 0 || memchr(data, '\0', len))
        return -1;
    if (data[0] == '@') {
        const char *sp = memchr(data, ' ', len);
        tags_len = sp ? (size_t)(sp - data) : len;
        if (tags_len > IRC_TAGS_MAX)
            return -1;
    }
    if (len - tags_len > IRC_LINE_MAX)
        return -1;
    if (!(m->line = malloc(len + 1)))
        return -1;
    memcpy(m->line, data, len);
    m->line[len] = '\0';
    p = m->line;
    if (*p == '@') {
        m->tags = p + 1;
        if (!(p = next_token(p)))
            goto fail;
    }
    if (*p == ':') {
        char *pfx = p + 1;
        if (!(p = next_token(p)))
            goto fail;
        split_prefix(pfx, &m->prefix);
    }
    m->command = p;
    p = next_token(p);
    if (!valid_command(m->command))
        goto fail;
    while (p && *p) {
        if (*p == ':') {
            m->params[m->nparams++] = p + 1; // expect-warning: CWE-787
            break;
        }
        if (m->nparams >= IRC_MAX_PARAMS)
            goto fail;
        m->params[m->nparams++] = p;
        p = next_token(p);
    }
    return 0;
fail:
    irc_msg_clear(m);
    return -1;
}

const char *irc_param(const struct irc_msg *m, unsigned i)
{
    return i < m->nparams ? m->params[i] : NULL;
}

int irc_numeric(const struct irc_msg *m)
{
    const char *c = m->command;

    if (!c || !isdigit((unsigned char)c[0]))
        return -1;
    return (c[0] - '0') * 100 + (c[1] - '0') * 10 + (c[2] - '0');
}

/* PING :token  ->  PONG :token */
int irc_is_ping(const struct irc_msg *m, const char **token)
{
    if (!m->command || strcmp(m->command, "PING") != 0 || m->nparams < 1)
        return 0;
    *token = m->params[m->nparams - 1];
    return 1;
}
