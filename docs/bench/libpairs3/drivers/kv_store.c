#include CASE
#include <stdio.h>
int main(void)
{
    struct kv_store s;
    kv_open(&s, 16);
    kv_set(&s, "session:1", "payload", 7);
    kv_set(&s, "session:2", "other", 5);
    printf("del=%d count=%zu\n", kv_del(&s, "session:1", 0), s.count);
    kv_close(&s);
    return 0;
}
