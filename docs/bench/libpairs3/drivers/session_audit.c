#include CASE
int main(void)
{
    struct session_table t;
    struct session *s;
    session_table_init(&t, 4);
    s = session_open(&t, "alice", "tok_0123456789abcdef", 100);
    session_close(&t, s, 200);
    printf("last=%s %s\n", t.audit[1].event, t.audit[1].token_prefix);
    session_table_free(&t);
    return 0;
}
