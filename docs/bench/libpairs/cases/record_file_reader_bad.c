#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define RECORD_MAX 4096

typedef int (*record_cb)(void *ctx, const uint8_t *rec, size_t len);

/* Reads length-prefixed records (len(4, BE) + data) and passes each to cb.
 * Stops early when cb returns non-zero. */
int records_load(FILE *fp, record_cb cb, void *ctx)
{
    uint8_t hdr[4];
    uint8_t *buf = malloc(RECORD_MAX);

    if (buf == NULL)
        return -1;
    while (fread(hdr, 1, sizeof hdr, fp) == sizeof hdr) {
        uint32_t len = ((uint32_t)hdr[0] << 24) | ((uint32_t)hdr[1] << 16) |
                       ((uint32_t)hdr[2] << 8) | hdr[3];

        if (len > RECORD_MAX)
            return -1;  // expect-warning: CWE-401
        if (fread(buf, 1, len, fp) != len) {
            free(buf);
            return -1;
        }
        if (cb(ctx, buf, len) != 0)
            break;
    }
    free(buf);
    return 0;
}

struct totals {
    unsigned long records;
    unsigned long bytes;
};

static int tally(void *ctx, const uint8_t *rec, size_t len)
{
    struct totals *t = ctx;

    (void)rec;
    t->records++;
    t->bytes += len;
    return 0;
}

int main(void)
{
    struct totals t = { 0, 0 };

    if (records_load(stdin, tally, &t) < 0) {
        fprintf(stderr, "malformed record stream\n");
        return 1;
    }
    printf("%lu records, %lu bytes\n", t.records, t.bytes);
    return 0;
}
