/* Single-assignment futures with continuations for an asynchronous I/O
 * layer.  Futures are reference counted; continuations registered with
 * fut_then() run once when the future settles (at once if it already
 * has).  A continuation may release references, including the last one. */
#include <stddef.h>
#include <stdlib.h>

#define FUT_MAX_CONTS 8

enum { FUT_PENDING, FUT_DONE, FUT_FAILED };

struct future;
typedef void (*fut_fn)(struct future *f, void *arg);

struct future {
    int refs;
    int state;
    long value;
    int error;
    struct {
        fut_fn fn;
        void *arg;
    } conts[FUT_MAX_CONTS];
    int nconts;
};

struct future *fut_new(void)
{
    struct future *f = calloc(1, sizeof(*f));

    if (f)
        f->refs = 1;
    return f;
}

struct future *fut_ref(struct future *f)
{
    f->refs++;
    return f;
}

void fut_release(struct future *f)
{
    if (f && --f->refs == 0)
        free(f);
}

int fut_state(const struct future *f)
{
    return f->state;
}

long fut_value(const struct future *f)
{
    return f->state == FUT_DONE ? f->value : 0;
}

static void fut_settle(struct future *f, int state, long value, int error)
{
    int i;

    f->state = state;
    f->value = value;
    f->error = error;
    fut_ref(f);
    for (i = 0; i < f->nconts; i++)
        f->conts[i].fn(f, f->conts[i].arg);
    f->nconts = 0;
    fut_release(f);
}

int fut_resolve(struct future *f, long value)
{
    if (f->state != FUT_PENDING)
        return -1;
    fut_settle(f, FUT_DONE, value, 0);
    return 0;
}

int fut_fail(struct future *f, int error)
{
    if (f->state != FUT_PENDING)
        return -1;
    fut_settle(f, FUT_FAILED, 0, error);
    return 0;
}

/* Registers fn(f, arg); runs it immediately if f has already settled. */
int fut_then(struct future *f, fut_fn fn, void *arg)
{
    if (f->state != FUT_PENDING) {
        fn(f, arg);
        return 0;
    }
    if (f->nconts == FUT_MAX_CONTS)
        return -1;
    f->conts[f->nconts].fn = fn;
    f->conts[f->nconts].arg = arg;
    f->nconts++;
    return 0;
}

static void forward(struct future *src, void *arg)
{
    struct future *dst = arg;

    if (src->state == FUT_DONE)
        fut_resolve(dst, src->value);
    else
        fut_fail(dst, src->error);
    fut_release(dst);
}

/* Settles dst like src once src settles; dst is kept alive until then. */
int fut_chain(struct future *src, struct future *dst)
{
    fut_ref(dst);
    if (fut_then(src, forward, dst) < 0) {
        fut_release(dst);
        return -1;
    }
    return 0;
}
