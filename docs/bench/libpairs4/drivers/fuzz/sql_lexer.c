#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size ? size : 1);

    memcpy(s, data, size);
    sql_count_params(s, size);
    sql_is_readonly(s, size);
    free(s);
    return 0;
}
