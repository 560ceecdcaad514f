/* Driver: a user passes -vq where only -v is a known short option. */
#include <stdio.h>
#include CASE

static const struct opt_spec specs[] = {
    { "verbose", 'v', 0, 1 },
    { "output", 'o', 1, 2 },
    { "jobs", 'j', 1, 3 },
    { "dry-run", 0, 0, 4 },
};

int main(void)
{
    char *argv[] = { "pack", "--output=out.tar", "-vq", "src", NULL };
    struct opt_parser p;
    int r;

    opt_init(&p, specs, 4, 4, argv);
    while ((r = opt_next(&p)) > 0)
        printf("option %d arg=%s\n", r, p.arg ? p.arg : "-");
    if (r == OPT_ERROR)
        printf("error: %s\n", p.error);
    else
        printf("first operand: %s\n", p.idx < 4 ? argv[p.idx] : "-");
    return 0;
}
