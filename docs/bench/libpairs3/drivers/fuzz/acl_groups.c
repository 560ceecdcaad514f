#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct acl a = {0};
    const struct acl_user *u;
    FOR_LINES(d, n, acl_load_line(&a, line));
    for (u = a.users; u; u = u->next)
        acl_allowed(&a, u->name, ACL_READ | ACL_EXEC);
    acl_allowed(&a, "nobody", ACL_READ);
    acl_free(&a);
    return 0;
}
