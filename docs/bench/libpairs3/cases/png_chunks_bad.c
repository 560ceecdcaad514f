#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * PNG container walker.  Checks the file signature, walks the chunk list,
 * verifies every chunk CRC and extracts the IHDR fields.  Chunk payloads
 * are not copied; png_info keeps pointers into the caller's buffer.
 */

#define PNG_MAX_CHUNKS 32

#define PNG_TYPE(a, b, c, d) \
    (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (uint32_t)(d))
#define RD_BE32(p) \
    (((uint32_t)(p)[0] << 24) | ((uint32_t)(p)[1] << 16) | ((uint32_t)(p)[2] << 8) | (uint32_t)(p)[3])

struct png_chunk {
    uint32_t type;
    uint32_t length;
    const uint8_t *data;
};

struct png_info {
    uint32_t width;
    uint32_t height;
    uint8_t bit_depth;
    uint8_t color_type;
    uint8_t interlace;
    int seen_iend;
    size_t nchunks;
    struct png_chunk chunks[PNG_MAX_CHUNKS];
};

static const uint8_t png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static uint32_t crc_table[256];
static int crc_table_ready;

static void crc_table_init(void)
{
    uint32_t c;
    int n, k;

    if (crc_table_ready)
        return;
    for (n = 0; n < 256; n++) {
        c = (uint32_t)n;
        for (k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
    crc_table_ready = 1;
}

static uint32_t png_crc(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    size_t i;

    for (i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static int png_read_ihdr(struct png_info *info, const uint8_t *d, uint32_t len)
{
    if (len != 13)
        return -1;
    info->width = RD_BE32(d);
    info->height = RD_BE32(d + 4);
    info->bit_depth = d[8];
    info->color_type = d[9];
    info->interlace = d[12];
    if (info->width == 0 || info->height == 0)
        return -1;
    return 0;
}

/* Returns the number of chunks found, or -1 if the stream is malformed. */
int png_walk(struct png_info *info, const uint8_t *buf, size_t len)
{
    size_t off = sizeof(png_signature);

    memset(info, 0, sizeof(*info));
    if (len < sizeof(png_signature) || memcmp(buf, png_signature, sizeof(png_signature)) != 0)
        return -1;
    crc_table_init();

    while (off < len && !info->seen_iend) {
        const uint8_t *data;
        uint32_t clen, type, crc;

        if (len - off < 8)
            return -1;
        clen = RD_BE32(buf + off);
        type = RD_BE32(buf + off + 4);
        if (clen > len - off - 8)
            return -1;
        data = buf + off + 8;
        crc = RD_BE32(data + clen); // expect-warning: CWE-125
        if (crc != png_crc(buf + off + 4, (size_t)clen + 4))
            return -1;

        if (info->nchunks == 0 && type != PNG_TYPE('I', 'H', 'D', 'R'))
            return -1;
        if (type == PNG_TYPE('I', 'H', 'D', 'R') && png_read_ihdr(info, data, clen) < 0)
            return -1;
        if (type == PNG_TYPE('I', 'E', 'N', 'D'))
            info->seen_iend = 1;

        if (info->nchunks < PNG_MAX_CHUNKS) {
            info->chunks[info->nchunks].type = type;
            info->chunks[info->nchunks].length = clen;
            info->chunks[info->nchunks].data = data;
        }
        info->nchunks++;
        off += 12 + (size_t)clen;
    }
    return info->seen_iend ? (int)(info->nchunks > PNG_MAX_CHUNKS ? PNG_MAX_CHUNKS : info->nchunks) : -1;
}

/* Finds the first chunk of the given type; returns its payload length or -1. */
long png_find_chunk(const struct png_info *info, uint32_t type, const uint8_t **data)
{
    size_t i, n = info->nchunks > PNG_MAX_CHUNKS ? PNG_MAX_CHUNKS : info->nchunks;

    for (i = 0; i < n; i++) {
        if (info->chunks[i].type == type) {
            if (data)
                *data = info->chunks[i].data;
            return (long)info->chunks[i].length;
        }
    }
    return -1;
}
