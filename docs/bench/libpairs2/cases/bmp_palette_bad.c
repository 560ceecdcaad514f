#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define BMP_FILE_HDR 14
#define BMP_INFO_MIN 40

struct bmp_info {
    int32_t width;
    int32_t height;
    uint16_t planes;
    uint16_t bpp;
    uint32_t compression;
    uint32_t ncolors;
    uint32_t palette[256];
};

static uint32_t rd_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
           ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint16_t rd_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

int bmp_read_info(const uint8_t *buf, size_t len, struct bmp_info *info)
{
    uint32_t hdr_size, i;
    size_t pal_room;
    const uint8_t *pal;

    if (len < BMP_FILE_HDR + BMP_INFO_MIN)
        return -1;
    if (buf[0] != 'B' || buf[1] != 'M')
        return -1;
    hdr_size = rd_le32(buf + 14);
    if (hdr_size < BMP_INFO_MIN || hdr_size > len - BMP_FILE_HDR)
        return -1;

    info->width = (int32_t)rd_le32(buf + 18);
    info->height = (int32_t)rd_le32(buf + 22);
    info->planes = rd_le16(buf + 26);
    info->bpp = rd_le16(buf + 28);
    info->compression = rd_le32(buf + 30);
    info->ncolors = rd_le32(buf + 46);
    if (info->planes != 1)
        return -1;
    if (info->bpp <= 8 && info->ncolors == 0)
        info->ncolors = 1u << info->bpp;
    if (info->ncolors > sizeof(info->palette))
        return -1;

    pal = buf + BMP_FILE_HDR + hdr_size;
    pal_room = len - BMP_FILE_HDR - hdr_size;
    if (info->ncolors > pal_room / 4)
        return -1;
    for (i = 0; i < info->ncolors; i++)
        info->palette[i] = rd_le32(pal + 4 * (size_t)i) & 0x00ffffffu; // expect-warning: CWE-787
    return 0;
}

uint32_t bmp_palette_lookup(const struct bmp_info *info, uint8_t index)
{
    if (index >= info->ncolors)
        return 0;
    return info->palette[index];
}

size_t bmp_row_stride(const struct bmp_info *info)
{
    size_t w = info->width < 0 ? (size_t)-(int64_t)info->width : (size_t)info->width;
    return ((w * info->bpp + 31) / 32) * 4;
}
