#include CASE
#include <stdio.h>
int main(void)
{
    struct ini ini = {0};
    printf("rc=%d\n", ini_parse(&ini, "[a]\nk=1\n[b]\n[c]\n[d]\n[a.x]\nv=2\n"));
    if (ini.nsecs) printf("a children=%u\n", ini.secs[0].nchildren);
    ini_free(&ini);
    return 0;
}
