/* Driver: a line from a daemon whose tag (program name) is 40 characters. */
#include <stdio.h>
#include CASE

int main(void)
{
    static const char ok[] = "<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick";
    static const char longtag[] =
        "<30>Feb  5 07:01:44 db01 postgresql-15-main-replication-monitor[9120]: lag 0.4s";
    struct syslog_msg m;

    if (syslog_parse(&m, ok, sizeof(ok) - 1) == 0)
        printf("%s %s %s[%ld] %s: %.*s\n", m.timestamp, m.host, m.tag, m.pid, syslog_severity_name(&m),
               (int)m.text_len, m.text);
    if (syslog_parse(&m, longtag, sizeof(longtag) - 1) == 0)
        printf("%s %s keep=%d\n", m.host, m.tag, syslog_passes(&m, "warning"));
    else
        printf("rejected\n");
    return 0;
}
