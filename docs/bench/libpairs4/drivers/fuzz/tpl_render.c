#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct tpl_var vars[] = { { "user", "Dana" }, { "count", "3" }, { "x", "" },
                                           { "long", "a fairly long value that makes the output grow" } };
    char *tpl = malloc(size + 1), refs[32], *out;
    struct tpl_error err;

    memcpy(tpl, data, size);
    tpl[size] = '\0';
    out = tpl_render(tpl, vars, 4, &err);
    free(out);
    tpl_references(tpl, refs, 1 + size % sizeof(refs));
    free(tpl);
    return 0;
}
