/* ZSoft PCX reader: 128-byte header, run-length decoded scanlines
 * (8 bits per pixel, 1 or 3 planes) into packed pixels. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCX_HDR_LEN 128
#define PCX_MAX_DIM 16384

struct pcx_info {
    unsigned width, height;
    unsigned planes;
    unsigned bytes_per_line;
    unsigned version;
    unsigned hdpi, vdpi;
};

struct pcx_image {
    struct pcx_info info;
    uint8_t *pixels;
    uint8_t palette[768];
    int has_palette;
};

static unsigned le16(const uint8_t *p)
{
    return (unsigned)(p[0] | p[1] << 8);
}

int pcx_read_header(const uint8_t *d, size_t len, struct pcx_info *info)
{
    unsigned xmin, ymin, xmax, ymax;

    if (len < PCX_HDR_LEN || d[0] != 0x0a || d[2] != 1 || d[3] != 8)
        return -1;
    xmin = le16(d + 4);
    ymin = le16(d + 6);
    xmax = le16(d + 8);
    ymax = le16(d + 10);
    if (xmax < xmin || ymax < ymin)
        return -1;
    info->version = d[1];
    info->width = xmax - xmin + 1;
    info->height = ymax - ymin + 1;
    info->hdpi = le16(d + 12);
    info->vdpi = le16(d + 14);
    info->planes = d[65];
    info->bytes_per_line = le16(d + 66);
    if (info->planes != 1 && info->planes != 3)
        return -1;
    if (info->width > PCX_MAX_DIM || info->height > PCX_MAX_DIM)
        return -1;
    if (info->bytes_per_line < info->width || (info->bytes_per_line & 1))
        return -1;
    return 0;
}

/* Decodes one scanline of line_len bytes starting at *pos. */
static int decode_line(const uint8_t *d, size_t len, size_t *pos, uint8_t *line, size_t line_len)
{
    size_t x = 0, p = *pos, k, count;
    uint8_t v;

    while (x < line_len) {
        if (p >= len)
            return -1;
        v = d[p++];
        count = 1;
        if ((v & 0xc0) == 0xc0) {
            count = v & 0x3f;
            if (p >= len)
                return -1;
            v = d[p++];
        }
        for (k = 0; k < count; k++)
            line[x++] = v; // expect-warning: CWE-787
    }
    *pos = p;
    return 0;
}

static void read_palette(struct pcx_image *img, const uint8_t *d, size_t len, size_t pos)
{
    if (img->info.planes == 1 && img->info.version >= 5 && len >= 769 &&
        pos <= len - 769 && d[len - 769] == 0x0c) {
        memcpy(img->palette, d + len - 768, 768);
        img->has_palette = 1;
    }
}

struct pcx_image *pcx_decode(const uint8_t *d, size_t len)
{
    struct pcx_image *img;
    uint8_t *line = NULL;
    size_t pos = PCX_HDR_LEN, line_len, y, x, pl, w;

    img = calloc(1, sizeof(*img));
    if (!img)
        return NULL;
    if (pcx_read_header(d, len, &img->info) < 0)
        goto fail;
    w = img->info.width;
    line_len = (size_t)img->info.planes * img->info.bytes_per_line;
    line = malloc(line_len);
    img->pixels = malloc(w * img->info.height * img->info.planes);
    if (!line || !img->pixels)
        goto fail;
    for (y = 0; y < img->info.height; y++) {
        if (decode_line(d, len, &pos, line, line_len) < 0)
            goto fail;
        for (x = 0; x < w; x++)
            for (pl = 0; pl < img->info.planes; pl++)
                img->pixels[(y * w + x) * img->info.planes + pl] =
                    line[pl * img->info.bytes_per_line + x];
    }
    read_palette(img, d, len, pos);
    free(line);
    return img;
fail:
    free(line);
    free(img->pixels);
    free(img);
    return NULL;
}

void pcx_free(struct pcx_image *img)
{
    if (img) {
        free(img->pixels);
        free(img);
    }
}

/* RGB of pixel (x, y); paletted images go through the VGA palette. */
int pcx_rgb(const struct pcx_image *img, unsigned x, unsigned y, uint8_t rgb[3])
{
    const uint8_t *p;

    if (x >= img->info.width || y >= img->info.height)
        return -1;
    p = img->pixels + ((size_t)y * img->info.width + x) * img->info.planes;
    if (img->info.planes == 3) {
        memcpy(rgb, p, 3);
        return 0;
    }
    if (!img->has_palette)
        return -1;
    memcpy(rgb, img->palette + 3 * p[0], 3);
    return 0;
}
