#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Reader for binary PGM ("P5") grayscale images, as produced by many
 * scanners and test-pattern tools.  16-bit samples (maxval > 255) are
 * reduced to 8 bits on load.
 */

struct gray_image {
    int width;
    int height;
    int maxval;
    uint8_t *pixels;     /* width * height bytes, row major */
};

/* Skips whitespace and '#' comments, then reads a decimal number. */
static int pnm_number(const uint8_t *buf, size_t len, size_t *pos, int *out)
{
    size_t p = *pos;
    long v = 0;
    int digits = 0;

    for (;;) {
        while (p < len && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r' || buf[p] == '\n'))
            p++;
        if (p < len && buf[p] == '#') {
            while (p < len && buf[p] != '\n')
                p++;
            continue;
        }
        break;
    }
    while (p < len && buf[p] >= '0' && buf[p] <= '9') {
        v = v * 10 + (buf[p++] - '0');
        if (v > INT_MAX)
            return -1;
        digits++;
    }
    if (digits == 0)
        return -1;
    *out = (int)v;
    *pos = p;
    return 0;
}

void gray_image_free(struct gray_image *img)
{
    free(img->pixels);
    img->pixels = NULL;
}

int pgm_decode(struct gray_image *img, const uint8_t *buf, size_t len)
{
    size_t pos = 2, i;
    int w, h, maxval, bps, npix;
    const uint8_t *src;

    memset(img, 0, sizeof(*img));
    if (len < 2 || buf[0] != 'P' || buf[1] != '5')
        return -1;
    if (pnm_number(buf, len, &pos, &w) < 0 || pnm_number(buf, len, &pos, &h) < 0 ||
        pnm_number(buf, len, &pos, &maxval) < 0)
        return -1;
    if (w <= 0 || h <= 0 || maxval <= 0 || maxval > 65535)
        return -1;
    if (pos >= len)
        return -1;
    pos++; /* single whitespace before the raster */

    bps = maxval > 255 ? 2 : 1;
    if (w > INT_MAX / h)
        return -1;
    npix = w * h;
    if ((size_t)npix > (len - pos) / (size_t)bps)
        return -1;
    img->pixels = malloc((size_t)npix);
    if (!img->pixels)
        return -1;
    src = buf + pos;

    for (i = 0; i < (size_t)h; i++) {
        uint8_t *row = img->pixels + i * (size_t)w;
        const uint8_t *s = src + i * (size_t)w * (size_t)bps;
        int x;

        for (x = 0; x < w; x++) {
            unsigned v = bps == 2 ? (unsigned)((s[2 * x] << 8) | s[2 * x + 1]) : s[x];
            row[x] = (uint8_t)(v * 255u / (unsigned)maxval);
        }
    }
    img->width = w;
    img->height = h;
    img->maxval = maxval;
    return 0;
}

/* Mean intensity of a rectangle, or -1 if it is outside the image. */
int gray_image_mean(const struct gray_image *img, int x0, int y0, int rw, int rh)
{
    unsigned long sum = 0;
    int x, y;

    if (x0 < 0 || y0 < 0 || rw <= 0 || rh <= 0 || x0 > img->width - rw || y0 > img->height - rh)
        return -1;
    for (y = y0; y < y0 + rh; y++)
        for (x = x0; x < x0 + rw; x++)
            sum += img->pixels[(size_t)y * (size_t)img->width + (size_t)x];
    return (int)(sum / ((unsigned long)rw * (unsigned long)rh));
}
