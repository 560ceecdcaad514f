/* Driver: a request handler asks the arena for room for a body whose size
 * came from a (bogus) Content-Length of 2 TiB.  The allocator is set up to
 * return NULL for requests it cannot satisfy instead of aborting, as the
 * C library does. */
#include <stdio.h>
#include CASE

const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1";
}

int main(void)
{
    struct arena a;
    char *host, *body;

    arena_init(&a, 1024);
    host = arena_strdup(&a, "files.example.org");
    body = arena_alloc(&a, (size_t)1 << 41);
    printf("host=%s body=%s blocks=%zu\n", host ? host : "-", body ? "ok" : "refused", a.nblocks);
    arena_reset(&a);
    arena_destroy(&a);
    return 0;
}
