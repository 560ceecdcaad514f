#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct png_chunk {
    uint32_t length;
    char type[5];
    const uint8_t *data;
    uint8_t crc[4];
};

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Parses one chunk starting at buf; returns bytes consumed or 0 on error. */
size_t png_read_chunk(const uint8_t *buf, size_t avail, struct png_chunk *ck)
{
    uint32_t len;

    if (avail < 12)
        return 0;
    len = be32(buf);
    if (len > 0x7fffffffu)
        return 0;
    if ((size_t)len > avail - 12)
        return 0;

    ck->length = len;
    memcpy(ck->type, buf + 4, 4);
    ck->type[4] = '\0';
    ck->data = buf + 8;
    memcpy(ck->crc, buf + 8 + len, 4);
    return 12 + (size_t)len;
}

/* Counts chunks of the given type in a PNG file image. */
int png_count_chunks(const uint8_t *buf, size_t size, const char *type)
{
    static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    struct png_chunk ck;
    size_t off = 8, used;
    int n = 0;

    if (size < 8 || memcmp(buf, sig, 8) != 0)
        return -1;
    while (off < size) {
        used = png_read_chunk(buf + off, size - off, &ck);
        if (used == 0)
            return -1;
        if (strcmp(ck.type, type) == 0)
            n++;
        if (strcmp(ck.type, "IEND") == 0)
            break;
        off += used;
    }
    return n;
}
