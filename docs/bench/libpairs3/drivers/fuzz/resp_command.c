#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct resp_command cmd;
    size_t off = 0;
    char *buf = malloc(n ? n : 1);
    long v;
    memcpy(buf, d, n);
    /* pipeline: parse commands back to back, as a server would */
    while (off < n && resp_parse_command(&cmd, buf + off, n - off) == 1) {
        int i;
        for (i = 0; i < cmd.argc; i++)
            if (resp_arg_is(&cmd, i, "SET") || resp_arg_long(&cmd, i, &v) == 0)
                break;
        if (cmd.consumed == 0)
            abort();
        off += cmd.consumed;
    }
    free(buf);
    return 0;
}
