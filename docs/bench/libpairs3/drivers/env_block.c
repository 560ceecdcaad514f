#include CASE
#include <stdio.h>
int main(void)
{
    struct env_block e = {0};
    env_set(&e, "PATH", "/usr/bin");
    env_set(&e, "HOME", "/root");
    env_set(&e, "LANG", "C");
    env_unset(&e, "HOME");
    printf("PATH=%s\n", env_get(&e, "PATH"));
    env_free(&e);
    return 0;
}
