#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const char *names[] = { "a.c", "b.h", "core", NULL };
    char *pat = strdup("*.[ch\\");

    printf("matches: %zu\n", glob_filter(pat, names, GLOB_PATHNAME));
    free(pat);
    return 0;
}
