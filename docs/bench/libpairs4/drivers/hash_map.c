/* Driver: a session table keyed by session id; one session is renamed
 * after re-authentication. */
#include <stdio.h>
#include <string.h>
#include CASE

int main(void)
{
    struct hash_map *m = hm_new(free);
    const char *v;

    if (!m)
        return 2;
    hm_put(m, "sid-1001", strdup("alice"));
    hm_put(m, "sid-1002", strdup("bob"));
    hm_put(m, "sid-1003", strdup("carol"));
    if (hm_rename(m, "sid-1002", "sid-2002") < 0)
        printf("rename failed\n");
    v = hm_get(m, "sid-2002");
    printf("sid-2002=%s count=%zu\n", v ? v : "-", m->count);
    hm_free(m);
    return 0;
}
