/* Drives xml_attrs: a start tag with a default namespace followed by two
 * more attributes. */
#include CASE
#include <stdio.h>

int main(void)
{
    const char *s = "<feed xmlns=\"http://www.w3.org/2005/Atom\" lang=\"en\" base=\"/\">";
    size_t used = 0;
    struct xml_tag *t = xml_parse_start_tag(s, strlen(s), &used);

    if (t) {
        printf("%s: %zu attrs, ns %s, used %zu\n", t->name, xml_tag_attr_count(t), t->default_ns, used);
        xml_tag_free(t);
    }
    return 0;
}
