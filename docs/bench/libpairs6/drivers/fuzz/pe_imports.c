/* libFuzzer harness for pe_imports: the input is the PE file. */
#include CASE
#include "common.h"

static int count_dll(void *ctx, const char *name)
{
    *(size_t *)ctx += strlen(name);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct pe_file *pe = pe_open(d, n);
    size_t total = 0;

    if (!pe)
        return 0;
    pe_import_dlls(pe, count_dll, &total);
    pe_close(pe);
    return 0;
}
