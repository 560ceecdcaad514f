#include CASE
#include <stdio.h>
int main(void)
{
    const char *toks[] = { "abc123", "zzz" };
    struct token_store ts = { toks, 2 };
    printf("ok=%d\n", auth_check_header(&ts, "Bearer abc123"));
    printf("ok=%d\n", auth_check_header(&ts, " Bearer abc123 "));
    return 0;
}
