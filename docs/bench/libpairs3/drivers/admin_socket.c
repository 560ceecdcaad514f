#include CASE
int main(void)
{
    struct admin_state st = {0};
    char reply[128];
    char l1[] = "level debug\n", l2[] = "   \r\n";
    printf("rc=%d %s", admin_execute(&st, l1, reply, sizeof(reply)), reply);
    printf("rc=%d %s\n", admin_execute(&st, l2, reply, sizeof(reply)), reply);
    return 0;
}
