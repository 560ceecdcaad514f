/* Driver: a hook command line limited to 3 words that has 4. */
#include <stdio.h>
#include CASE

int main(void)
{
    struct argv a;
    char joined[128];

    if (argv_split("notify-send 'Backup done' \"exit code \\$?\"", &a, 8) == 0) {
        argv_join(&a, joined, sizeof(joined));
        printf("%zu words: %s\n", a.n, joined);
        argv_free(&a);
    }
    if (argv_split("/usr/bin/logger -t backup finished", &a, 3) < 0)
        printf("rejected\n");
    else
        argv_free(&a);
    return 0;
}
