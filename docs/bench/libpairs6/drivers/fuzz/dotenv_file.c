/* libFuzzer harness for dotenv_file: the input is the file text. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    unsigned line = 0;
    struct env_file *f = env_file_parse((const char *)d, n, &line);

    if (f) {
        env_file_get(f, "PATH");
        env_file_free(f);
    }
    return 0;
}
