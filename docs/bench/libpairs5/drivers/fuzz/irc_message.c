#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct irc_msg m;
    const char *tok;
    unsigned i;

    if (irc_parse((const char *)d, n, &m) != 0)
        return 0;
    for (i = 0; irc_param(&m, i); i++)
        (void)strlen(irc_param(&m, i));
    (void)irc_numeric(&m);
    if (irc_is_ping(&m, &tok))
        (void)strlen(tok);
    if (m.prefix.host)
        (void)strlen(m.prefix.host);
    irc_msg_clear(&m);
    return 0;
}
