/* Driver: a scheduler queue that is flushed on reconfiguration and later
 * destroyed. */
#include <stdio.h>
#include <string.h>
#include CASE

int main(void)
{
    struct prio_queue *q = pq_new(free);
    int prio = 0;
    char *task;

    if (!q)
        return 2;
    pq_push(q, 5, strdup("rotate-logs"));
    pq_push(q, 1, strdup("send-heartbeat"));
    pq_push(q, 3, strdup("expire-sessions"));
    task = pq_pop(q, &prio);
    printf("first: %s (%d), %zu left\n", task, prio, pq_size(q));
    free(task);
    pq_clear(q);
    pq_free(q);
    return 0;
}
