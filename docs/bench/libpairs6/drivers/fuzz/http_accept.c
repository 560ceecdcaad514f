/* libFuzzer harness for http_accept: the input is the header value. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    static const char *const offers[] = { "text/html", "application/json", "image/png" };
    struct accept_list *l = accept_parse((const char *)d, n);

    if (l) {
        accept_best(l, offers, 3);
        accept_free(l);
    }
    return 0;
}
