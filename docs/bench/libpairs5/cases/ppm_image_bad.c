/* Netpbm binary greymap/pixmap reader (P5/P6).  The header is parsed
 * first so that the caller can size the sample buffer. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PNM_MAX_DIM 16384

struct pnm_info {
    unsigned channels;
    unsigned width;
    unsigned height;
    unsigned maxval;
    unsigned sample_bytes;
    size_t data_off;
};

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void skip_space(const uint8_t *b, size_t n, size_t *off)
{
    while (*off < n) {
        if (b[*off] == '#') {
            while (*off < n && b[*off] != '\n')
                (*off)++;
        } else if (is_space(b[*off])) {
            (*off)++;
        } else {
            break;
        }
    }
}

static int read_uint(const uint8_t *b, size_t n, size_t *off, unsigned max, unsigned *v)
{
    unsigned x = 0;
    size_t start;

    skip_space(b, n, off);
    start = *off;
    while (*off < n && b[*off] >= '0' && b[*off] <= '9') {
        x = x * 10 + (unsigned)(b[*off] - '0');
        if (x > max)
            return -1;
        (*off)++;
    }
    if (*off == start || x == 0)
        return -1;
    *v = x;
    return 0;
}

int pnm_read_header(const uint8_t *buf, size_t len, struct pnm_info *info)
{
    size_t off = 2;

    memset(info, 0, sizeof(*info));
    if (len < 3 || buf[0] != 'P' || (buf[1] != '5' && buf[1] != '6'))
        return -1;
    info->channels = buf[1] == '6' ? 3 : 1;
    if (read_uint(buf, len, &off, PNM_MAX_DIM, &info->width) < 0 ||
        read_uint(buf, len, &off, PNM_MAX_DIM, &info->height) < 0 ||
        read_uint(buf, len, &off, 65535, &info->maxval) < 0)
        return -1;
    if (off >= len || !is_space(buf[off]))
        return -1;
    info->data_off = off + 1;
    info->sample_bytes = info->maxval > 255 ? 2 : 1;
    return 0;
}

/* Bytes needed for the decoded samples (16-bit samples in host order). */
size_t pnm_image_size(const struct pnm_info *info)
{
    return (size_t)info->width * info->height * info->channels;
}

int pnm_read(const uint8_t *buf, size_t len, void *out, size_t cap, struct pnm_info *info)
{
    const uint8_t *src;
    uint8_t *dst = out;
    size_t nsamples, i;
    uint16_t v;

    if (pnm_read_header(buf, len, info) < 0)
        return -1;
    if (pnm_image_size(info) > cap)
        return -1;
    nsamples = (size_t)info->width * info->height * info->channels;
    if (nsamples > (len - info->data_off) / info->sample_bytes)
        return -1;
    src = buf + info->data_off;
    if (info->sample_bytes == 1) {
        memcpy(dst, src, nsamples);
        return 0;
    }
    for (i = 0; i < nsamples; i++) {
        v = (uint16_t)(src[2 * i] << 8 | src[2 * i + 1]);
        if (v > info->maxval)
            v = (uint16_t)info->maxval;
        memcpy(dst + 2 * i, &v, 2); // expect-warning: CWE-787
    }
    return 0;
}

/* Scales a sample to 0..255 for display. */
uint8_t pnm_sample8(const struct pnm_info *info, const void *samples, size_t i)
{
    uint16_t v;

    if (info->sample_bytes == 1)
        return (uint8_t)((((const uint8_t *)samples)[i] * 255u) / info->maxval);
    memcpy(&v, (const uint8_t *)samples + 2 * i, 2);
    return (uint8_t)((v * 255u) / info->maxval);
}
