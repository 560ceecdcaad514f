/* libFuzzer harness for ldap_dn: the input is the DN string. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct ldap_dn *dn = ldap_dn_parse((const char *)d, n);

    if (dn) {
        ldap_dn_get(dn, "cn");
        ldap_dn_free(dn);
    }
    return 0;
}
