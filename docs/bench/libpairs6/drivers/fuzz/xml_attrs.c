/* libFuzzer harness for xml_attrs: the input is the start tag text. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    size_t used;
    struct xml_tag *t = xml_parse_start_tag((const char *)d, n, &used);

    if (t) {
        xml_tag_attr(t, "id");
        if (t->default_ns)
            (void)strlen(t->default_ns);
        xml_tag_free(t);
    }
    return 0;
}
