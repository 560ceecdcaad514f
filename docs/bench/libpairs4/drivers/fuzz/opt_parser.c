#include CASE
#include "common.h"

static const struct opt_spec specs[] = {
    { "verbose", 'v', 0, 1 }, { "output", 'o', 1, 2 }, { "jobs", 'j', 1, 3 },
    { "dry-run", 0, 0, 4 }, { NULL, 'x', 0, 5 },
};

/* argv words are the input's '\n'-separated lines (at most 16) */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *words[17];
    int argc = 1, i;
    struct opt_parser p;
    volatile size_t sink = 0;

    words[0] = strdup("prog");
    FOR_LINES(data, size, if (argc < 16) words[argc++] = strdup(line));
    words[argc] = NULL;
    opt_init(&p, specs, 5, argc, words);
    while (opt_next(&p) > 0)
        if (p.arg)
            sink += strlen(p.arg);
    opt_count(specs, 5, argc, words, 1);
    (void)sink;
    for (i = 0; i < argc; i++)
        free(words[i]);
    return 0;
}
