#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct admin_state st = {0};
    char reply[96];
    FOR_LINES(d, n, admin_execute(&st, line, reply, (line_len & 1) ? sizeof(reply) : 8));
    if (st.log_level < 0 || st.log_level > 3)
        abort();
    return 0;
}
