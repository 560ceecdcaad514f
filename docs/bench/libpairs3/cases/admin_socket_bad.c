#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Line-based admin interface of a caching daemon (the kind exposed on a
 * UNIX socket).  Each request line is a verb followed by arguments; the
 * reply is written into the caller's buffer.
 */

struct admin_state {
    unsigned long hits;
    unsigned long misses;
    int log_level;
    int draining;
    char last_flushed[64];
    unsigned requests;
};

static const char *const level_names[] = { "error", "warn", "info", "debug" };

static int cmd_stats(struct admin_state *st, char **save, char *reply, size_t rlen)
{
    (void)save;
    return snprintf(reply, rlen, "hits=%lu misses=%lu level=%s draining=%d\n",
                    st->hits, st->misses, level_names[st->log_level], st->draining);
}

static int cmd_level(struct admin_state *st, char **save, char *reply, size_t rlen)
{
    char *arg = strtok_r(NULL, " \t\r\n", save);
    int i;

    for (i = 0; arg && i < 4; i++) {
        if (strcmp(arg, level_names[i]) == 0) {
            st->log_level = i;
            return snprintf(reply, rlen, "OK level=%s\n", arg);
        }
    }
    return snprintf(reply, rlen, "ERR unknown level\n");
}

static int cmd_flush(struct admin_state *st, char **save, char *reply, size_t rlen)
{
    char *prefix = strtok_r(NULL, " \t\r\n", save);

    if (!prefix)
        prefix = "*";
    snprintf(st->last_flushed, sizeof(st->last_flushed), "%s", prefix);
    st->hits = st->misses = 0;
    return snprintf(reply, rlen, "OK flushed %s\n", st->last_flushed);
}

static int cmd_drain(struct admin_state *st, char **save, char *reply, size_t rlen)
{
    (void)save;
    st->draining = 1;
    return snprintf(reply, rlen, "OK draining\n");
}

static const struct {
    const char *name;
    int (*fn)(struct admin_state *, char **, char *, size_t);
} commands[] = {
    { "stats", cmd_stats },
    { "level", cmd_level },
    { "flush", cmd_flush },
    { "drain", cmd_drain },
};

/*
 * Executes one request line (modified in place).  Lines starting with '#'
 * are ignored.  Returns the reply length, or -1 for an unknown verb.
 */
int admin_execute(struct admin_state *st, char *line, char *reply, size_t rlen)
{
    char *save = NULL, *verb;
    size_t i;

    if (rlen == 0)
        return -1;
    reply[0] = '\0';
    st->requests++;
    verb = strtok_r(line, " \t\r\n", &save);
    if (verb[0] == '#') // expect-warning: CWE-690
        return 0;
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(verb, commands[i].name) == 0)
            return commands[i].fn(st, &save, reply, rlen);
    }
    snprintf(reply, rlen, "ERR unknown command '%.32s'\n", verb);
    return -1;
}
