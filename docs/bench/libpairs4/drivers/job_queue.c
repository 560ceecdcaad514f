/* Driver: three jobs are pending; the first one schedules two follow-up
 * jobs, which makes the queue's array grow while jq_run() walks it. */
#include <stdio.h>
#include CASE

static int log_lines;

static void flush_log(struct job_queue *q, void *arg)
{
    (void)q;
    log_lines += *(int *)arg;
}

static void accept_conn(struct job_queue *q, void *arg)
{
    jq_submit(q, flush_log, arg);
    jq_submit(q, flush_log, arg);
}

int main(void)
{
    struct job_queue q;
    int one = 1;
    size_t ran;

    jq_init(&q);
    jq_submit(&q, accept_conn, &one);
    jq_submit(&q, flush_log, &one);
    jq_submit(&q, flush_log, &one);
    jq_submit(&q, flush_log, &one);
    ran = jq_drain(&q, 4);
    jq_compact(&q);
    printf("ran=%zu rounds=%lu log_lines=%d pending=%zu\n", ran, q.rounds, log_lines, jq_pending(&q));
    jq_destroy(&q);
    return 0;
}
