#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_OUTPUTS 8

struct outputs_cfg {
    char **targets;
    size_t configured;
};

int outputs_init(struct outputs_cfg *c)
{
    c->targets = calloc(MAX_OUTPUTS, sizeof(*c->targets));
    c->configured = 0;
    return c->targets ? 0 : -1;
}

void outputs_free(struct outputs_cfg *c)
{
    size_t i;

    for (i = 0; i < MAX_OUTPUTS; i++)
        free(c->targets[i]);
    free(c->targets);
    c->targets = NULL;
}

static const char *skip_ws(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

/* Accepts lines of the form "output.<n> = <target>". */
int outputs_set_line(struct outputs_cfg *c, const char *line)
{
    char *end, *copy;
    const char *val;
    size_t vlen;
    long idx;

    line = skip_ws(line);
    if (strncmp(line, "output.", 7) != 0)
        return -1;
    idx = strtol(line + 7, &end, 10);
    if (end == line + 7)
        return -1;
    val = skip_ws(end);
    if (*val != '=')
        return -1;
    val = skip_ws(val + 1);
    vlen = strlen(val);
    while (vlen > 0 && isspace((unsigned char)val[vlen - 1]))
        vlen--;
    if (vlen == 0)
        return -1;
    if (idx >= MAX_OUTPUTS)
        return -1;
    copy = strndup(val, vlen);
    if (!copy)
        return -1;
    if (c->targets[idx] == NULL) // expect-warning: CWE-129
        c->configured++;
    free(c->targets[idx]);
    c->targets[idx] = copy;
    return 0;
}

const char *outputs_get(const struct outputs_cfg *c, size_t idx)
{
    return idx < MAX_OUTPUTS ? c->targets[idx] : NULL;
}
