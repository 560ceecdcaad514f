#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum ctx_state { ST_IDLE, ST_OPEN, ST_ERROR };

struct parser_ctx {
    char *scratch;
    size_t scratch_len;
    enum ctx_state state;
    unsigned long lines;
};

struct parser_ctx *ctx_new(void)
{
    return calloc(1, sizeof(struct parser_ctx));
}

void ctx_destroy(struct parser_ctx *c)
{
    if (c == NULL)
        return;
    free(c->scratch);
    free(c);
}

static void ctx_fail(struct parser_ctx *c)
{
    free(c->scratch);
    c->scratch = NULL;
    c->scratch_len = 0;
    c->state = ST_ERROR;
}

static int ctx_store(struct parser_ctx *c, const char *s, size_t n)
{
    char *p = realloc(c->scratch, c->scratch_len + n + 1);

    if (p == NULL)
        return -1;
    memcpy(p + c->scratch_len, s, n);
    c->scratch_len += n;
    p[c->scratch_len] = '\0';
    c->scratch = p;
    return 0;
}

/* Feeds one line: "BEGIN", "DATA <text>", "END". Returns 1 when a block
 * is complete, 0 when more input is needed, -1 on error. */
int ctx_feed(struct parser_ctx *c, const char *line, size_t n)
{
    if (c->state == ST_ERROR)
        return -1;
    c->lines++;
    if (n == 5 && memcmp(line, "BEGIN", 5) == 0 && c->state == ST_IDLE) {
        c->state = ST_OPEN;
        c->scratch_len = 0;
        return 0;
    }
    if (n >= 5 && memcmp(line, "DATA ", 5) == 0 && c->state == ST_OPEN) {
        if (ctx_store(c, line + 5, n - 5) < 0) {
            ctx_fail(c);
            return -1;
        }
        return 0;
    }
    if (n == 3 && memcmp(line, "END", 3) == 0 && c->state == ST_OPEN) {
        c->state = ST_IDLE;
        return 1;
    }
    ctx_fail(c);
    return -1;
}

const char *ctx_block(const struct parser_ctx *c)
{
    return c->scratch_len ? c->scratch : "";
}
