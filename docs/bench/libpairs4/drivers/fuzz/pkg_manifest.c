#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1);
    struct manifest m;
    const struct pkg *p;

    memcpy(text, data, size);
    if (manifest_parse(&m, text, size) == 0) {
        manifest_find(&m, "libfoo");
        for (p = m.head; p; p = p->next)
            manifest_find(&m, p->name);
        manifest_clear(&m);
    }
    free(text);
    return 0;
}
