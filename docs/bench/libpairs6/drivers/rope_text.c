/* Drives rope_text: a substring spanning both halves of a concatenation. */
#include CASE
#include <stdio.h>

static void scrub_stack(void)
{
    volatile char pad[16384];
    size_t i;

    for (i = 0; i < sizeof(pad); i++)
        pad[i] = 0;
}

static void run(void)
{
    struct rope *a = rope_from("The quick brown fox ", 20);
    struct rope *b = rope_from("jumps over the dog.", 19);
    struct rope *ab = rope_concat(a, b);
    struct rope *mid = rope_sub(ab, 10, 20);
    char out[64];

    if (mid && rope_flatten(mid, out, sizeof(out)) == 0)
        printf("'%s' at %ld\n", out, rope_find(ab, 0, 'j'));
    rope_release(mid);
    rope_release(ab);
    rope_release(b);
    rope_release(a);
}

int main(void)
{
    run();
    scrub_stack();
    return 0;
}
