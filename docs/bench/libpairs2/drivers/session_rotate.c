#include CASE
int main(void)
{
    struct session *s = session_create("bob", 1);
    printf("rc=%d\n", session_rotate(s, 2));
    printf("prev=%s\n", s->prev_prefix);
    session_destroy(s);
    return 0;
}
