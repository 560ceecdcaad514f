#include CASE
#include <stdio.h>
int main(void)
{
    struct acl a = {0};
    char l1[] = "group ops read,write,admin", l2[] = "user alice ops", l3[] = "user bob devs exec";
    acl_load_line(&a, l1);
    acl_load_line(&a, l2);
    acl_load_line(&a, l3);
    printf("alice=%d\n", acl_allowed(&a, "alice", ACL_WRITE));
    printf("bob=%d\n", acl_allowed(&a, "bob", ACL_EXEC));
    acl_free(&a);
    return 0;
}
