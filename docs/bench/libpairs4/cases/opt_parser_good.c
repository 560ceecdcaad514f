/* Re-entrant command-line option parser: long options (--name,
 * --name=value, --name value), clustered short options (-abc, -ovalue,
 * -o value), "--" to end option processing. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct opt_spec {
    const char *long_name;   /* may be NULL */
    char short_name;         /* may be 0 */
    int takes_arg;
    int id;                  /* > 0 */
};

struct opt_parser {
    const struct opt_spec *specs;
    size_t nspecs;
    int argc, idx;
    char **argv;
    const char *cluster;     /* rest of a short-option cluster */
    const char *arg;         /* argument of the last option */
    char error[64];
};

enum { OPT_DONE = 0, OPT_ERROR = -1 };

void opt_init(struct opt_parser *p, const struct opt_spec *specs, size_t nspecs, int argc, char **argv)
{
    p->specs = specs;
    p->nspecs = nspecs;
    p->argc = argc;
    p->argv = argv;
    p->idx = 1;
    p->cluster = NULL;
    p->arg = NULL;
    p->error[0] = '\0';
}

static const struct opt_spec *find_long(const struct opt_parser *p, const char *name, size_t n)
{
    size_t i;

    for (i = 0; i < p->nspecs; i++)
        if (p->specs[i].long_name && strlen(p->specs[i].long_name) == n &&
            strncmp(p->specs[i].long_name, name, n) == 0)
            return &p->specs[i];
    return NULL;
}

static const struct opt_spec *find_short(const struct opt_parser *p, char c)
{
    size_t i;

    for (i = 0; i < p->nspecs; i++)
        if (p->specs[i].short_name && p->specs[i].short_name == c)
            return &p->specs[i];
    return NULL;
}

static int fail(struct opt_parser *p, const char *what, const char *name, int n)
{
    snprintf(p->error, sizeof(p->error), "%s: %.*s", what, n, name);
    return OPT_ERROR;
}

/* Returns the id of the next option (argument in p->arg), OPT_DONE when
 * the options end (p->idx is then the first operand), or OPT_ERROR. */
int opt_next(struct opt_parser *p)
{
    const struct opt_spec *s;
    const char *a;

    p->arg = NULL;
    if (p->cluster && *p->cluster) {
        char c = *p->cluster++;

        s = find_short(p, c);
        if (!s)
            return fail(p, "unknown option", &c, 1);
        if (s->takes_arg) {
            if (*p->cluster)
                p->arg = p->cluster;
            else if (p->idx < p->argc)
                p->arg = p->argv[p->idx++];
            else
                return fail(p, "missing argument", &c, 1);
            p->cluster = NULL;
        }
        return s->id;
    }
    if (p->idx >= p->argc)
        return OPT_DONE;
    a = p->argv[p->idx];
    if (a[0] != '-' || a[1] == '\0')
        return OPT_DONE;
    p->idx++;
    if (a[1] != '-') {
        p->cluster = a + 1;
        return opt_next(p);
    }
    if (a[2] == '\0')
        return OPT_DONE;
    {
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);

        s = find_long(p, name, n);
        if (!s)
            return fail(p, "unknown option", name, (int)n);
        if (s->takes_arg) {
            if (eq)
                p->arg = eq + 1;
            else if (p->idx < p->argc)
                p->arg = p->argv[p->idx++];
            else
                return fail(p, "missing argument", name, (int)n);
        } else if (eq) {
            return fail(p, "unexpected argument", name, (int)n);
        }
        return s->id;
    }
}

/* Convenience: counts how often option `id` occurs. */
int opt_count(const struct opt_spec *specs, size_t nspecs, int argc, char **argv, int id)
{
    struct opt_parser p;
    int r, n = 0;

    opt_init(&p, specs, nspecs, argc, argv);
    while ((r = opt_next(&p)) > 0)
        n += r == id;
    return r == OPT_ERROR ? -1 : n;
}
