#include CASE
#include <stdio.h>

int main(void)
{
    struct iset s;

    iset_init(&s);
    iset_add(&s, 0, 100);
    iset_add(&s, 200, 300);
    iset_add(&s, 400, 500);
    iset_add(&s, 50, 450);      /* bridges all three */
    printf("ranges %zu total %llu\n", s.count, (unsigned long long)iset_total(&s));
    iset_clear(&s);
    return 0;
}
