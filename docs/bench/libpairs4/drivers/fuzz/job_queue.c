#include CASE
#include "common.h"

static struct fz script;
static unsigned last_id;

/* What a job does comes from the input: submit more jobs, cancel one,
 * compact, or nothing. */
static void job(struct job_queue *q, void *arg)
{
    unsigned op = fz_u8(&script), k;

    (void)arg;
    switch (op % 5) {
    case 0:
        for (k = 0; k < (op >> 3) % 6; k++)
            last_id = jq_submit(q, job, NULL);
        break;
    case 1: jq_cancel(q, last_id - (op >> 3) % 4); break;
    case 2: jq_compact(q); break;
    case 3: jq_pending(q); break;
    default: break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct job_queue q;

    script.d = data;
    script.n = size;
    script.i = 0;
    jq_init(&q);
    while (fz_more(&script)) {
        unsigned op = fz_u8(&script);

        switch (op % 4) {
        case 0: last_id = jq_submit(&q, job, NULL); break;
        case 1: jq_run(&q); break;
        case 2: jq_cancel(&q, last_id - (op >> 2) % 4); break;
        case 3: jq_compact(&q); break;
        }
        if (q.count > 4096)
            break;
    }
    jq_drain(&q, 8);
    jq_destroy(&q);
    return 0;
}
