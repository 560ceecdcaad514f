#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define HDR_LINE_MAX 256
#define HDR_NAME_MAX 64

typedef int (*line_sink)(void *ctx, const char *line, size_t len);

/* Formats "Name: value" into a local line buffer and hands it to emit. */
int header_emit(const char *name, size_t name_len,
                const char *value, size_t value_len,
                line_sink emit, void *ctx)
{
    char line[HDR_LINE_MAX];
    size_t off;

    if (name_len == 0 || name_len > HDR_NAME_MAX)
        return -1;
    if (value_len > sizeof line - 2 - name_len)
        return -1;
    memcpy(line, name, name_len);
    off = name_len;
    line[off++] = ':';
    line[off++] = ' ';
    memcpy(line + off, value, value_len);
    off += value_len;
    return emit(ctx, line, off);
}

static int write_crlf_line(void *ctx, const char *line, size_t len)
{
    FILE *fp = ctx;

    if (fwrite(line, 1, len, fp) != len)
        return -1;
    return fputs("\r\n", fp) < 0 ? -1 : 0;
}

/* Writes a header to a stream using CRLF line endings. */
int header_write(FILE *fp, const char *name, const char *value)
{
    return header_emit(name, strlen(name), value, strlen(value),
                       write_crlf_line, fp);
}
