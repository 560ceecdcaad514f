#include <stddef.h>
#include <string.h>

#define CSV_MAX_FIELDS 16

struct csv_record {
    size_t nfields;
    const char *field[CSV_MAX_FIELDS];
    size_t flen[CSV_MAX_FIELDS];
};

/* Splits one CSV line (no quoting) into fields pointing into line. */
int csv_split(const char *line, size_t len, struct csv_record *rec)
{
    size_t start = 0, i;

    rec->nfields = 0;
    for (i = 0; i <= len; i++) {
        if (i < len && line[i] != ',')
            continue;
        if (rec->nfields < CSV_MAX_FIELDS) {
            rec->field[rec->nfields] = line + start;
            rec->flen[rec->nfields] = i - start;
            rec->nfields++;
        } else {
            return -1;
        }
        start = i + 1;
    }
    return (int)rec->nfields;
}

/* Parses column `col` of the line as a non-negative decimal integer. */
long csv_column_value(const char *line, size_t len, size_t col)
{
    struct csv_record rec;
    const char *f;
    size_t n, k;
    long v = 0;

    if (csv_split(line, len, &rec) < 0 || col >= rec.nfields)
        return -1;
    f = rec.field[col];
    n = rec.flen[col];
    if (n == 0 || n > 9)
        return -1;
    for (k = 0; k < n; k++) {
        if (f[k] < '0' || f[k] > '9')
            return -1;
        v = v * 10 + (f[k] - '0');
    }
    return v;
}
