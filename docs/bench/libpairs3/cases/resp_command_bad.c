#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Request reader for the RESP protocol (Redis serialization protocol).
 * A command is an array of bulk strings:
 *
 *   *<argc>\r\n  then argc times  $<len>\r\n<bytes>\r\n
 *
 * Arguments are returned as pointers into the caller's buffer.  Input may
 * arrive in pieces: resp_parse_command() returns 0 until the command is
 * complete.
 */

#define RESP_MAX_ARGS 16
#define RESP_MAX_BULK (512 * 1024)

struct resp_command {
    int argc;
    const char *argv[RESP_MAX_ARGS];
    size_t argl[RESP_MAX_ARGS];
    size_t consumed;
};

/* Reads "<prefix><integer>\r\n".  Returns 1 and sets *out and *pos when a
 * full line is available, 0 if more input is needed, -1 on syntax error. */
static int resp_read_int(const char *buf, size_t len, size_t *pos, char prefix, long *out)
{
    size_t p = *pos;
    long v = 0;
    int neg = 0, digits = 0;

    if (p >= len)
        return 0;
    if (buf[p++] != prefix)
        return -1;
    if (p < len && buf[p] == '-') {
        neg = 1;
        p++;
    }
    while (p < len && buf[p] >= '0' && buf[p] <= '9') {
        v = v * 10 + (buf[p++] - '0');
        if (v > RESP_MAX_BULK)
            return -1;
        digits++;
    }
    if (len - p < 2)
        return 0;
    if (digits == 0 || buf[p] != '\r' || buf[p + 1] != '\n')
        return -1;
    *out = neg ? -v : v;
    *pos = p + 2;
    return 1;
}

int resp_parse_command(struct resp_command *cmd, const char *buf, size_t len)
{
    size_t pos = 0;
    long argc, blen;
    int rc, i;

    cmd->argc = 0;
    cmd->consumed = 0;
    rc = resp_read_int(buf, len, &pos, '*', &argc);
    if (rc <= 0)
        return rc;
    if (argc < 1 || argc > RESP_MAX_ARGS)
        return -1;

    for (i = 0; i < argc; i++) {
        rc = resp_read_int(buf, len, &pos, '$', &blen);
        if (rc < 0)
            return -1;
        if (blen < 0 || blen > RESP_MAX_BULK) // expect-warning: CWE-457
            return -1;
        if (len - pos < (size_t)blen + 2)
            return 0;
        if (buf[pos + (size_t)blen] != '\r' || buf[pos + (size_t)blen + 1] != '\n')
            return -1;
        cmd->argv[i] = buf + pos;
        cmd->argl[i] = (size_t)blen;
        pos += (size_t)blen + 2;
    }
    cmd->argc = (int)argc;
    cmd->consumed = pos;
    return 1;
}

/* Case-insensitive comparison of argument i with an ASCII command name. */
int resp_arg_is(const struct resp_command *cmd, int i, const char *name)
{
    size_t k, n = strlen(name);

    if (i < 0 || i >= cmd->argc || cmd->argl[i] != n)
        return 0;
    for (k = 0; k < n; k++) {
        char c = cmd->argv[i][k];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c != name[k])
            return 0;
    }
    return 1;
}

/* Parses an integer argument such as the TTL in "EXPIRE key 30". */
int resp_arg_long(const struct resp_command *cmd, int i, long *out)
{
    size_t k;
    long v = 0;

    if (i < 0 || i >= cmd->argc || cmd->argl[i] == 0 || cmd->argl[i] > 18)
        return -1;
    for (k = 0; k < cmd->argl[i]; k++) {
        char c = cmd->argv[i][k];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return 0;
}
