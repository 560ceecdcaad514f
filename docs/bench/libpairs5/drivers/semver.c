#include CASE
#include <stdio.h>

int main(void)
{
    const char *a = "1.2.3-rc.1", *b = "1.2.3-rc.10000000000000000000";
    struct semver va, vb;

    if (semver_parse(a, strlen(a), &va) == 0 && semver_parse(b, strlen(b), &vb) == 0)
        printf("cmp: %d\n", semver_compare(&va, &vb));
    else
        puts("rejected");
    return 0;
}
