/* Deferred-work queue for an event loop.  Jobs are plain callbacks kept in
 * a growable array; jq_run() executes the jobs that were pending when it
 * was called.  A job may submit further jobs, which run in the next round. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct job_queue;
typedef void (*job_fn)(struct job_queue *q, void *arg);

struct job {
    job_fn fn;
    void *arg;
    unsigned id;
    int cancelled;
};

struct job_queue {
    struct job *jobs;
    size_t count, cap;
    unsigned next_id;
    unsigned long executed, rounds;
    int running;
};

void jq_init(struct job_queue *q)
{
    memset(q, 0, sizeof(*q));
    q->next_id = 1;
}

void jq_destroy(struct job_queue *q)
{
    free(q->jobs);
    memset(q, 0, sizeof(*q));
}

/* Queues fn(arg); returns the job id (never 0) or 0 on failure. */
unsigned jq_submit(struct job_queue *q, job_fn fn, void *arg)
{
    struct job *j;

    if (q->count == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 4;
        struct job *nj = realloc(q->jobs, nc * sizeof(*nj));

        if (!nj)
            return 0;
        q->jobs = nj;
        q->cap = nc;
    }
    j = &q->jobs[q->count++];
    j->fn = fn;
    j->arg = arg;
    j->id = q->next_id++;
    if (q->next_id == 0)
        q->next_id = 1;
    j->cancelled = 0;
    return j->id;
}

/* Cancels a job that has not run yet; returns 0 if it was found. */
int jq_cancel(struct job_queue *q, unsigned id)
{
    size_t i;

    for (i = 0; i < q->count; i++)
        if (q->jobs[i].id == id && !q->jobs[i].cancelled) {
            q->jobs[i].cancelled = 1;
            return 0;
        }
    return -1;
}

size_t jq_pending(const struct job_queue *q)
{
    size_t i, n = 0;

    for (i = 0; i < q->count; i++)
        n += !q->jobs[i].cancelled;
    return n;
}

/* Runs the jobs queued before this call; returns how many ran. */
size_t jq_run(struct job_queue *q)
{
    size_t n = q->count, ran = 0;
    struct job *j, *end;

    if (n == 0 || q->running)
        return 0;
    q->running = 1;
    end = q->jobs + n;
    for (j = q->jobs; j < end; j++) {
        if (j->cancelled) // expect-warning: CWE-416
            continue;
        j->cancelled = 1;
        j->fn(q, j->arg);
        ran++;
    }
    memmove(q->jobs, q->jobs + n, (q->count - n) * sizeof(*q->jobs));
    q->count -= n;
    q->running = 0;
    q->executed += ran;
    q->rounds++;
    return ran;
}

/* Runs rounds until the queue is empty or max_rounds is reached. */
size_t jq_drain(struct job_queue *q, unsigned max_rounds)
{
    size_t total = 0;

    while (q->count && max_rounds--)
        total += jq_run(q);
    return total;
}

/* Drops cancelled entries, shrinking the array when it is mostly empty.
 * Does nothing while jobs are running. */
void jq_compact(struct job_queue *q)
{
    size_t i, o = 0;

    if (q->running)
        return;
    for (i = 0; i < q->count; i++)
        if (!q->jobs[i].cancelled)
            q->jobs[o++] = q->jobs[i];
    q->count = o;
    if (q->cap > 16 && o < q->cap / 4) {
        struct job *nj = realloc(q->jobs, (q->cap / 2) * sizeof(*nj));

        if (nj) {
            q->jobs = nj;
            q->cap /= 2;
        }
    }
}
