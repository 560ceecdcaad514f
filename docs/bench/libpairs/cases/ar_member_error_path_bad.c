#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AR_MAGIC "!<arch>\n"
#define AR_HDR_LEN 60

struct ar_entry {
    char name[17];
    size_t size;
    uint8_t *data;
};

static int parse_decimal(const uint8_t *s, size_t n, size_t *out)
{
    size_t v = 0, i = 0;

    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (v > (SIZE_MAX - 9) / 10)
            return -1;
        v = v * 10 + (size_t)(s[i] - '0');
        i++;
    }
    if (i == 0)
        return -1;
    while (i < n && s[i] == ' ')
        i++;
    if (i != n)
        return -1;
    *out = v;
    return 0;
}

/* Reads the member header at *off and copies its contents into ent. */
int ar_read_member(const uint8_t *buf, size_t len, size_t *off, struct ar_entry *ent)
{
    const uint8_t *h;
    uint8_t *data = NULL;
    size_t size, nlen;

    if (*off > len || len - *off < AR_HDR_LEN)
        return -1;
    h = buf + *off;
    if (h[58] != 0x60 || h[59] != '\n')
        return -1;
    if (parse_decimal(h + 48, 10, &size) < 0 || size > len - *off - AR_HDR_LEN)
        return -1;
    data = malloc(size ? size : 1);
    if (data == NULL)
        return -1;
    memcpy(data, h + AR_HDR_LEN, size);

    memcpy(ent->name, h, 16);
    nlen = 16;
    while (nlen > 0 && (ent->name[nlen - 1] == ' ' || ent->name[nlen - 1] == '/'))
        nlen--;
    ent->name[nlen] = '\0';
    if (nlen == 0) {
        free(data);
        goto fail;
    }
    ent->data = data;
    ent->size = size;
    *off += AR_HDR_LEN + size + (size & 1);
    return 0;

fail:
    free(data);  // expect-warning: CWE-415
    return -1;
}

/* Prints name and size of every member of an ar archive held in memory. */
int ar_list(const uint8_t *buf, size_t len, FILE *out)
{
    struct ar_entry ent;
    size_t off = 8;

    if (len < 8 || memcmp(buf, AR_MAGIC, 8) != 0)
        return -1;
    while (off < len) {
        if (ar_read_member(buf, len, &off, &ent) < 0)
            return -1;
        fprintf(out, "%-16s %lu\n", ent.name, (unsigned long)ent.size);
        free(ent.data);
    }
    return 0;
}
