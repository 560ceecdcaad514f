#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = malloc(size ? size : 1);
    struct syslog_msg m;

    memcpy(line, data, size);
    if (syslog_parse(&m, line, size) == 0) {
        syslog_severity_name(&m);
        syslog_passes(&m, "notice");
    }
    free(line);
    return 0;
}
