#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct section {
    char name[9];
    uint32_t offset;
    uint32_t size;
};

struct image {
    struct section *sects;
    size_t nsects;
    const uint8_t *data;
    size_t size;
};

static uint32_t rd32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Layout: "IMG1" nsects(4) then nsects records of name(8) offset(4) size(4). */
int image_load(struct image *img, const uint8_t *data, size_t size)
{
    uint32_t n, i;

    img->sects = NULL;
    img->nsects = 0;
    if (size < 8 || memcmp(data, "IMG1", 4) != 0)
        return -1;
    n = rd32(data + 4);
    if (n == 0 || (size - 8) / 16 < n)
        return -1;
    img->sects = calloc(n, sizeof *img->sects);
    if (img->sects == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        const uint8_t *r = data + 8 + 16 * (size_t)i;
        struct section *s = &img->sects[i];

        memcpy(s->name, r, 8);
        s->name[8] = '\0';
        s->offset = rd32(r + 8);
        s->size = rd32(r + 12);
        if (s->offset > size || s->size > size - s->offset) {
            free(img->sects);
            img->sects = NULL;
            return -1;
        }
    }
    img->nsects = n;
    img->data = data;
    img->size = size;
    return 0;
}

static const struct section *image_section(const struct image *img, const char *name)
{
    size_t i;

    for (i = 0; i < img->nsects; i++)
        if (strcmp(img->sects[i].name, name) == 0)
            return &img->sects[i];
    return NULL;
}

/* Copies the named section into out (capacity outsz). */
int image_read_section(const struct image *img, const char *name,
                       uint8_t *out, size_t outsz, size_t *got)
{
    const struct section *s = image_section(img, name);
    size_t sz = s->size;  // expect-warning: CWE-476

    if (s == NULL || sz > outsz)
        return -1;
    memcpy(out, img->data + s->offset, sz);
    *got = sz;
    return 0;
}

void image_unload(struct image *img)
{
    free(img->sects);
    img->sects = NULL;
    img->nsects = 0;
}
