/* Driver: a command table; removing a command that was never registered
 * and whose first letter matches no registered command. */
#include <stdio.h>
#include CASE

int main(void)
{
    struct trie t;
    size_t m = 0;
    const char *v;

    trie_init(&t);
    trie_insert(&t, "get", "cmd_get");
    trie_insert(&t, "getall", "cmd_getall");
    trie_insert(&t, "set", "cmd_set");
    v = trie_longest_prefix(&t, "getallkeys", &m);
    printf("prefix %s (%zu)\n", v ? v : "-", m);
    v = trie_remove(&t, "set");
    printf("removed %s, %zu left\n", v ? v : "-", t.count);
    v = trie_remove(&t, "del");
    printf("removed %s, %zu left\n", v ? v : "-", t.count);
    trie_clear(&t);
    return 0;
}
