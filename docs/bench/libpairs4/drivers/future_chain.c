/* Driver: a fire-and-forget request whose completion handler drops the
 * only reference to the request's future. */
#include <stdio.h>
#include CASE

static void on_done(struct future *f, void *arg)
{
    printf("%s finished: state=%d value=%ld\n", (const char *)arg, fut_state(f), fut_value(f));
    fut_release(f);
}

int main(void)
{
    struct future *req = fut_new(), *tail = fut_new();

    if (!req || !tail)
        return 2;
    fut_chain(req, tail);
    fut_then(req, on_done, "GET /status");
    fut_resolve(req, 200);
    printf("tail state=%d value=%ld\n", fut_state(tail), fut_value(tail));
    fut_release(tail);
    return 0;
}
