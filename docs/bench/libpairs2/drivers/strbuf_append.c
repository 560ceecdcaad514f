#include CASE
#include <stdio.h>
int main(void)
{
    struct strbuf sb;
    sb_init(&sb);
    printf("rc=%d\n", sb_append(&sb, "0123456789abcdef", 16));
    printf("rc=%d %s\n", sb_append_str(&sb, "!"), sb.data);
    sb_release(&sb);
    return 0;
}
