#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_MAX (1u << 20)

struct sfnt_table {
    char tag[5];
    uint32_t offset;
    uint32_t length;
};

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t rd32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Finds a table by its 4-character tag in a TrueType/OpenType font. */
int sfnt_find_table(const uint8_t *font, size_t size, const char *tag,
                    struct sfnt_table *out)
{
    uint16_t num_tables;
    size_t i;

    if (strlen(tag) != 4 || size < 12)
        return -1;
    num_tables = rd16(font + 4);
    if ((size - 12) / 16 < num_tables)
        return -1;
    for (i = 0; i < num_tables; i++) {
        const uint8_t *rec = font + 12 + 16 * i;

        if (memcmp(rec, tag, 4) != 0)
            continue;
        memcpy(out->tag, rec, 4);
        out->tag[4] = '\0';
        out->offset = rd32(rec + 8);
        out->length = rd32(rec + 12);
        if (out->offset > size || out->length > size - out->offset)
            return -1;
        return 0;
    }
    return -1;
}

int main(int argc, char **argv)
{
    struct sfnt_table t;
    uint8_t *buf;
    size_t n;
    FILE *fp;
    int rc = 1;

    if (argc < 3) {
        fprintf(stderr, "usage: %s FONT TAG\n", argv[0]);
        return 2;
    }
    fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        perror(argv[1]);
        return 1;
    }
    buf = malloc(FONT_MAX);
    if (buf == NULL) {
        fclose(fp);
        return 1;
    }
    n = fread(buf, 1, FONT_MAX, fp);
    fclose(fp);
    if (sfnt_find_table(buf, n, argv[2], &t) == 0) {
        printf("%s offset=%lu length=%lu\n", t.tag,
               (unsigned long)t.offset, (unsigned long)t.length);
        rc = 0;
    } else {
        fprintf(stderr, "%s: no table %s\n", argv[1], argv[2]);
    }
    free(buf);
    return rc;
}
