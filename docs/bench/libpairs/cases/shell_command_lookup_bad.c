#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct shell {
    FILE *out;
    char last[64];
    unsigned long count;
};

struct command {
    const char *name;
    unsigned min_args;
    int (*run)(struct shell *sh, const char *arg);
};

static int cmd_echo(struct shell *sh, const char *arg)
{
    return fprintf(sh->out, "%s\n", arg) < 0 ? -1 : 0;
}

static int cmd_set(struct shell *sh, const char *arg)
{
    size_t n = strlen(arg);

    if (n >= sizeof sh->last)
        return -1;
    memcpy(sh->last, arg, n + 1);
    return 0;
}

static int cmd_count(struct shell *sh, const char *arg)
{
    (void)arg;
    sh->count++;
    return fprintf(sh->out, "%lu\n", sh->count) < 0 ? -1 : 0;
}

static const struct command commands[] = {
    { "echo", 0, cmd_echo },
    { "set", 1, cmd_set },
    { "count", 0, cmd_count },
};

static const struct command *find_command(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strlen(commands[i].name) == len && memcmp(commands[i].name, name, len) == 0)
            return &commands[i];
    return NULL;
}

int shell_exec_line(struct shell *sh, const char *line)
{
    const char *sp = strchr(line, ' ');
    size_t len = sp ? (size_t)(sp - line) : strlen(line);
    const struct command *cmd = find_command(line, len);
    const char *arg = sp ? sp + 1 : "";

    if (cmd->min_args > 0 && *arg == '\0')  // expect-warning: CWE-476
        return -1;
    return cmd->run(sh, arg);
}
