#include CASE
#include <stdio.h>

int main(void)
{
    struct rstr *raw = rstr_new(" alpha\n", 7), *s, *parts[4], *j;
    size_t n;

    s = rstr_trim(raw);
    rstr_release(raw);
    n = rstr_split(s, ',', parts, 4);
    rstr_release(s);
    parts[n] = rstr_new("example", 7);
    j = rstr_join(parts, n + 1, '.');
    printf("joined: %s\n", j ? j->data : "(null)");
    rstr_release(j);
    rstr_release_all(parts, n + 1);
    return 0;
}
