#include CASE
static int reject_all(void *arg, const char *body, size_t len)
{
    (void)arg; (void)len;
    printf("send %s\n", body);
    return -1;
}
int main(void)
{
    struct outbox ob;
    outbox_init(&ob, reject_all, NULL);
    outbox_post(&ob, "temp=21", 7);
    printf("left=%zu\n", outbox_flush(&ob));
    outbox_destroy(&ob);
    return 0;
}
