#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define BLOB_MAGIC 0xB10B

struct blob {
    char name[64];
    uint8_t *data;
    uint32_t data_len;
};

static uint16_t rd_be16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t rd_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/*
 * Layout: magic(2) name_len(2) data_len(4) name[name_len] data[data_len]
 * Returns the number of bytes consumed, or -1.
 */
long blob_read(const uint8_t *buf, size_t len, struct blob *b)
{
    uint16_t name_len;
    uint32_t data_len, need;
    size_t ncopy;

    if (len < 8 || rd_be16(buf) != BLOB_MAGIC)
        return -1;
    name_len = rd_be16(buf + 2);
    data_len = rd_be32(buf + 4);
    need = 8u + name_len + data_len; // expect-warning: CWE-190
    if (need > len)
        return -1;
    ncopy = name_len < sizeof(b->name) ? name_len : sizeof(b->name) - 1;
    memcpy(b->name, buf + 8, ncopy);
    b->name[ncopy] = '\0';
    b->data = malloc(data_len ? data_len : 1);
    if (!b->data)
        return -1;
    memcpy(b->data, buf + 8 + name_len, data_len);
    b->data_len = data_len;
    return (long)(8u + name_len + data_len);
}

void blob_release(struct blob *b)
{
    free(b->data);
    b->data = NULL;
    b->data_len = 0;
}
