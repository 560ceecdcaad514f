/* Parser for BSD syslog lines (RFC 3164) as received by a log collector:
 *   <PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MESSAGE
 * The fields are checked first and copied into the result only when the
 * whole line is valid. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define SYSLOG_HOST_MAX 63
#define SYSLOG_TAG_MAX 32

struct syslog_msg {
    int facility, severity;
    char timestamp[16];
    char host[SYSLOG_HOST_MAX + 1];
    char tag[SYSLOG_TAG_MAX + 1];
    long pid;
    const char *text;
    size_t text_len;
};

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static int valid_timestamp(const char *s)
{
    int i;

    for (i = 0; i < 12; i++)
        if (memcmp(s, months[i], 3) == 0)
            break;
    if (i == 12 || s[3] != ' ' || (s[4] != ' ' && !isdigit((unsigned char)s[4])) ||
        !isdigit((unsigned char)s[5]) || s[6] != ' ')
        return 0;
    for (i = 7; i < 15; i++)
        if (i == 9 || i == 12 ? s[i] != ':' : !isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Returns 0 and fills m (m->text points into line), or -1. */
int syslog_parse(struct syslog_msg *m, const char *line, size_t len)
{
    char host[SYSLOG_HOST_MAX + 1], tag[SYSLOG_TAG_MAX + 1];
    const char *p = line, *end = line + len, *s;
    size_t n;
    int pri = 0;
    long pid = -1;

    if (len < 3 || *p++ != '<')
        return -1;
    for (n = 0; p < end && isdigit((unsigned char)*p) && n < 3; p++, n++)
        pri = pri * 10 + (*p - '0');
    if (n == 0 || p == end || *p++ != '>' || pri > 191)
        return -1;
    if (end - p < 16 || !valid_timestamp(p) || p[15] != ' ')
        return -1;
    memcpy(m->timestamp, p, 15);
    m->timestamp[15] = '\0';
    p += 16;
    for (s = p; p < end && *p != ' '; p++)
        ;
    n = (size_t)(p - s);
    if (n == 0 || n > SYSLOG_HOST_MAX || p == end)
        return -1;
    memcpy(host, s, n);
    host[n] = '\0';
    for (s = ++p; p < end && *p != '[' && *p != ':' && *p != ' '; p++)
        ;
    n = (size_t)(p - s);
    if (n == 0 || n > SYSLOG_TAG_MAX || p == end)
        return -1;
    memcpy(tag, s, n);
    tag[n] = '\0';
    if (*p == '[') {
        for (pid = 0, s = ++p; p < end && isdigit((unsigned char)*p) && p - s < 9; p++)
            pid = pid * 10 + (*p - '0');
        if (p == s || p == end || *p != ']')
            return -1;
        p++;
    }
    if (p == end || *p != ':')
        return -1;
    for (p++; p < end && *p == ' '; p++)
        ;
    m->facility = pri / 8;
    m->severity = pri % 8;
    strcpy(m->host, host);
    strcpy(m->tag, tag);
    m->pid = pid;
    m->text = p;
    m->text_len = (size_t)(end - p);
    return 0;
}

static const char *const severities[] = { "emerg", "alert", "crit", "err",
                                          "warning", "notice", "info", "debug" };

const char *syslog_severity_name(const struct syslog_msg *m)
{
    return severities[m->severity & 7];
}

/* Whether the message should be kept given a minimum severity name. */
int syslog_passes(const struct syslog_msg *m, const char *min_name)
{
    int i;

    for (i = 0; i < 8; i++)
        if (strcmp(severities[i], min_name) == 0)
            return m->severity <= i;
    return 1;
}
