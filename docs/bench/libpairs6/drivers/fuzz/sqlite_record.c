/* libFuzzer harness for sqlite_record: the input is one record. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct sqlite_record *r = sqlite_record_open(d, n);
    char text[24];
    int64_t v;
    unsigned i;

    if (!r)
        return 0;
    for (i = 0; i < sqlite_record_columns(r); i++) {
        sqlite_record_int(r, i, &v);
        sqlite_record_text(r, i, text, sizeof(text));
    }
    sqlite_record_close(r);
    return 0;
}
