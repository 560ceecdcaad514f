#include <stdlib.h>

static void release(char *p) { free(p); }

char read_after_release(void) {
    char *q = malloc(4);
    if (!q) return 0;
    q[0] = 1;
    release(q);
    return q[0];
}
