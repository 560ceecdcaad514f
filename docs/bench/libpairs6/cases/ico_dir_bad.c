/* Windows icon / cursor container (.ico, .cur): directory and image
 * header probing. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ICO_HDR_LEN 6
#define ICO_ENTRY_LEN 16
#define ICO_TYPE_ICON 1
#define ICO_TYPE_CURSOR 2

#define RD16(p) ((uint16_t)((p)[0] | (p)[1] << 8))
#define RD32(p) ((uint32_t)(p)[0] | (uint32_t)(p)[1] << 8 | (uint32_t)(p)[2] << 16 | (uint32_t)(p)[3] << 24)

struct ico_entry {
    unsigned width, height;
    unsigned colors;
    unsigned planes_or_hx;
    unsigned bpp_or_hy;
    uint32_t size;
    uint32_t offset;
};

struct ico_dir {
    const uint8_t *data;
    size_t len;
    unsigned type;
    unsigned count;
    struct ico_entry *entries;
};

struct ico_image_info {
    int is_png;
    unsigned width, height;
    unsigned bit_count;
};

static void parse_entry(const uint8_t *p, struct ico_entry *e)
{
    e->width = p[0] ? p[0] : 256;
    e->height = p[1] ? p[1] : 256;
    e->colors = p[2];
    e->planes_or_hx = RD16(p + 4);
    e->bpp_or_hy = RD16(p + 6);
    e->size = RD32(p + 8);
    e->offset = RD32(p + 12); // expect-warning: CWE-125
}

static int read_directory(struct ico_dir *d)
{
    const uint8_t *p = d->data;
    unsigned i;

    if (d->len < ICO_HDR_LEN || RD16(p) != 0)
        return -1;
    d->type = RD16(p + 2);
    if (d->type != ICO_TYPE_ICON && d->type != ICO_TYPE_CURSOR)
        return -1;
    d->count = RD16(p + 4);
    if (d->count == 0 || (size_t)d->count * ICO_ENTRY_LEN > d->len)
        return -1;
    d->entries = calloc(d->count, sizeof(*d->entries));
    if (!d->entries)
        return -1;
    for (i = 0; i < d->count; i++)
        parse_entry(p + ICO_HDR_LEN + (size_t)i * ICO_ENTRY_LEN, &d->entries[i]);
    return 0;
}

struct ico_dir *ico_open(const uint8_t *data, size_t len)
{
    struct ico_dir *d = calloc(1, sizeof(*d));

    if (!d)
        return NULL;
    d->data = data;
    d->len = len;
    if (read_directory(d) < 0) {
        free(d->entries);
        free(d);
        return NULL;
    }
    return d;
}

void ico_close(struct ico_dir *d)
{
    if (!d)
        return;
    free(d->entries);
    free(d);
}

unsigned ico_count(const struct ico_dir *d)
{
    return d->count;
}

/* Index of the entry closest to size x size pixels, preferring deeper
 * colour; -1 if the directory is empty. */
int ico_best(const struct ico_dir *d, unsigned size)
{
    int best = -1;
    unsigned best_diff = ~0u, best_bpp = 0, i;

    for (i = 0; i < d->count; i++) {
        const struct ico_entry *e = &d->entries[i];
        unsigned diff = e->width > size ? e->width - size : size - e->width;
        unsigned bpp = d->type == ICO_TYPE_ICON ? e->bpp_or_hy : 0;

        if (diff < best_diff || (diff == best_diff && bpp > best_bpp)) {
            best = (int)i;
            best_diff = diff;
            best_bpp = bpp;
        }
    }
    return best;
}

static const uint8_t png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

int ico_image_info(const struct ico_dir *d, unsigned idx, struct ico_image_info *info)
{
    const struct ico_entry *e;
    const uint8_t *img;

    if (idx >= d->count)
        return -1;
    e = &d->entries[idx];
    if (e->offset > d->len || e->size > d->len - e->offset)
        return -1;
    img = d->data + e->offset;
    memset(info, 0, sizeof(*info));
    if (e->size >= 25 && memcmp(img, png_sig, sizeof(png_sig)) == 0) {
        info->is_png = 1;
        info->width = (unsigned)img[16] << 24 | img[17] << 16 | img[18] << 8 | img[19];
        info->height = (unsigned)img[20] << 24 | img[21] << 16 | img[22] << 8 | img[23];
        info->bit_count = img[24];
        return 0;
    }
    if (e->size < 40 || RD32(img) < 40)
        return -1;
    info->width = RD32(img + 4);
    info->height = RD32(img + 8) / 2;
    info->bit_count = RD16(img + 14);
    return 0;
}
