#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line, out[256];
    struct argv a;

    if (size < 1)
        return 0;
    line = malloc(size);
    memcpy(line, data + 1, size - 1);
    line[size - 1] = '\0';
    if (argv_split(line, &a, data[0] % 16) == 0) {
        argv_join(&a, out, 1 + data[0] % sizeof(out));
        argv_free(&a);
    }
    free(line);
    return 0;
}
