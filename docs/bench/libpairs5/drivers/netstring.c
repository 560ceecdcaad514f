#include CASE
#include <stdlib.h>

int main(void)
{
    const char *in = "18446744073709551594:xyz,5:hello,";
    size_t len = strlen(in), used = 0;
    uint8_t *b = malloc(len);
    struct ns_item items[4];
    long n;

    memcpy(b, in, len);
    n = ns_split(b, len, items, 4, &used);
    printf("items %ld used %zu\n", n, used);
    free(b);
    return 0;
}
