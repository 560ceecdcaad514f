#include CASE
int main(void)
{
    struct conn *c = conn_new();
    printf("rc=%d\n", conn_connect(c, "db1.example", 5432));
    conn_close(c);
    printf("rc=%d\n", conn_connect(c, "db2.example", 5432));
    printf("peer=%s\n", conn_peer(c));
    conn_free(c);
    return 0;
}
