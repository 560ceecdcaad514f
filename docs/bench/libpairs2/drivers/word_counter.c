#include CASE
#include <stdio.h>
int main(void)
{
    struct counter c;
    char w[8];
    int i;
    counter_init(&c);
    for (i = 0; i < 10; i++) {
        snprintf(w, sizeof(w), "w%d", i);
        counter_incr(&c, w);
    }
    counter_incr(&c, "w3");
    printf("w3=%lu n=%zu\n", counter_get(&c, "w3"), c.nentries);
    counter_free(&c);
    return 0;
}
