#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct dns_question q = {0};
    if (dns_parse_question(d, n, &q) == 0 && strlen(q.name) > 255) abort();
    dns_question_clear(&q);
    return 0;
}
