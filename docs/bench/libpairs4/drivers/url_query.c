/* Driver: a query string whose last value has a malformed escape. */
#include <stdio.h>
#include CASE

/* Overwrites dead stack below main so that no stale copy of a pointer
 * hides a lost block from LeakSanitizer's scan at exit (not instrumented,
 * so that no redzone is left unwritten). */
static __attribute__((noinline, no_sanitize("address"))) void scrub_stack(void)
{
    volatile char pad[16384];
    size_t i;

    for (i = 0; i < sizeof(pad); i++)
        pad[i] = 0;
}

int main(void)
{
    struct query q = { NULL, 0, 0 };
    char enc[64];
    int r;

    r = query_parse(&q, "q=caf%C3%A9+au+lait&page=2&&sort=%zz");
    query_escape(query_get(&q, "q") ? query_get(&q, "q") : "", enc, sizeof(enc));
    printf("parse=%d pairs=%zu q=%s page=%s\n", r, q.n, enc, query_get(&q, "page") ? query_get(&q, "page") : "-");
    query_free(&q);
    scrub_stack();
    return 0;
}
