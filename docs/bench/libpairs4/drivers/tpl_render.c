/* Driver: a notification template that refers to a variable the caller
 * did not supply. */
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
    static const struct tpl_var vars[] = { { "user", "Dana" }, { "count", "3" } };
    const char *tpl = "Hi {{user}}, {{count}} new messages in {{folder|Inbox}}. Ref {{ticket}}.";
    struct tpl_error err = { 0, NULL };
    char refs[64];
    char *text;

    printf("refs=%d (%s)\n", tpl_references(tpl, refs, sizeof(refs)), refs);
    text = tpl_render(tpl, vars, 2, &err);
    if (text)
        printf("%s\n", text);
    else
        printf("error at %zu: %s\n", err.offset, err.reason);
    free(text);
    scrub_stack();
    return 0;
}
