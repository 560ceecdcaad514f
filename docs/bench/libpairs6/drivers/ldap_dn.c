/* Drives ldap_dn: a DN whose second value has a malformed hex escape. */
#include CASE
#include <stdio.h>

int main(void)
{
    const char *s = "cn=John Smith,ou=Peo\\zzle,dc=example,dc=com";
    struct ldap_dn *dn = ldap_dn_parse(s, strlen(s));

    if (dn) {
        printf("%zu rdns, cn=%s\n", ldap_dn_count(dn), ldap_dn_get(dn, "cn"));
        ldap_dn_free(dn);
    } else {
        printf("rejected\n");
    }
    return 0;
}
