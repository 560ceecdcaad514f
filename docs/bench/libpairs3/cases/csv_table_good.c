#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * In-memory CSV table (RFC 4180 quoting).  The first line fed to the table
 * is the header and fixes the number of columns; missing trailing fields
 * in later rows are left NULL and surplus fields are ignored.
 */

struct csv_table {
    size_t ncols;
    char **header;
    char ***rows;
    size_t nrows;
    size_t rows_cap;
};

/* Splits one line into newly allocated fields; stores at most max fields. */
static long csv_split(const char *line, size_t len, char **fields, size_t max)
{
    size_t pos = 0, nf = 0;

    if (max == 0)
        return 0;
    while (nf < max) {
        char *f = malloc(len - pos + 1);
        size_t o = 0;

        if (!f)
            return -1;
        if (pos < len && line[pos] == '"') {
            pos++;
            while (pos < len) {
                if (line[pos] == '"') {
                    if (pos + 1 < len && line[pos + 1] == '"') {
                        f[o++] = '"';
                        pos += 2;
                        continue;
                    }
                    pos++;
                    break;
                }
                f[o++] = line[pos++];
            }
        }
        while (pos < len && line[pos] != ',')
            f[o++] = line[pos++];
        f[o] = '\0';
        fields[nf++] = f;
        if (pos >= len)
            break;
        pos++; /* skip ',' */
    }
    return (long)nf;
}

static void free_fields(char **fields, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(fields[i]);
    free(fields);
}

static size_t count_columns(const char *line, size_t len)
{
    size_t i, n = 1;
    int quoted = 0;

    for (i = 0; i < len; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ',' && !quoted)
            n++;
    }
    return n;
}

/* Adds one line (without its terminator). Returns 0 or -1. */
int csv_add_line(struct csv_table *t, const char *line, size_t len)
{
    char **fields;
    long nf;

    if (t->header == NULL) {
        size_t n = count_columns(line, len);

        fields = calloc(n, sizeof(*fields));
        if (!fields)
            return -1;
        nf = csv_split(line, len, fields, n);
        if (nf < 0) {
            free_fields(fields, n);
            return -1;
        }
        t->header = fields;
        t->ncols = n;
        return 0;
    }
    if (t->nrows == t->rows_cap) {
        size_t cap = t->rows_cap ? t->rows_cap * 2 : 8;
        char ***r = realloc(t->rows, cap * sizeof(*r));
        if (!r)
            return -1;
        t->rows = r;
        t->rows_cap = cap;
    }
    fields = calloc(t->ncols, sizeof(*fields));
    if (!fields)
        return -1;
    nf = csv_split(line, len, fields, t->ncols);
    if (nf < 0) {
        free_fields(fields, t->ncols);
        return -1;
    }
    t->rows[t->nrows++] = fields;
    return 0;
}

const char *csv_cell(const struct csv_table *t, size_t row, size_t col)
{
    if (row >= t->nrows || col >= t->ncols)
        return NULL;
    return t->rows[row][col];
}

void csv_free(struct csv_table *t)
{
    size_t i;

    for (i = 0; i < t->nrows; i++)
        free_fields(t->rows[i], t->ncols);
    free(t->rows);
    if (t->header)
        free_fields(t->header, t->ncols);
    memset(t, 0, sizeof(*t));
}
