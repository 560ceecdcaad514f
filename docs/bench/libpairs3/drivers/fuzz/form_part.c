#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct form_part p;
    char *hdr = malloc(n ? n : 1);
    memcpy(hdr, d, n);
    if (form_part_parse(&p, hdr, n) == 0 && (!p.name || (p.filename && strlen(p.filename) > n)))
        abort();
    form_part_clear(&p);
    /* parts are parsed into the same struct one after another */
    if (form_part_parse(&p, hdr, n / 2) == 0 && !p.name)
        abort();
    form_part_clear(&p);
    free(hdr);
    return 0;
}
