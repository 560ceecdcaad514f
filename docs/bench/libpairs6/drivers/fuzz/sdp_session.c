/* libFuzzer harness for sdp_session: the input is the description. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct sdp_session *s = malloc(sizeof(*s));
    const char *c;
    unsigned i;

    if (sdp_parse(s, (const char *)d, n) == 0)
        for (i = 0; i < s->nmedia; i++)
            if ((c = sdp_primary_codec(s, i)))
                (void)strlen(c);
    free(s);
    return 0;
}
