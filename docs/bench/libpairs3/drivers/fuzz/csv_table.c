#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct csv_table t = {0};
    size_t r, c;
    FOR_LINES(d, n, csv_add_line(&t, line, line_len));
    for (r = 0; r < t.nrows; r++)
        for (c = 0; c < t.ncols; c++) {
            const char *s = csv_cell(&t, r, c);
            if (s && strlen(s) > n)
                abort();
        }
    csv_free(&t);
    return 0;
}
