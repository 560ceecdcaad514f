#include CASE
#include <stdio.h>

int main(void)
{
    const char *in = "d8:announce19:http://tracker.test4:infod6:lengthi-0eee";
    struct bdecode_err err;
    struct bnode *b = bdecode((const uint8_t *)in, strlen(in), &err);

    if (b) {
        puts("decoded");
        bnode_free(b);
    } else {
        printf("error at %zu, key '%s'\n", err.offset, err.key);
    }
    return 0;
}
