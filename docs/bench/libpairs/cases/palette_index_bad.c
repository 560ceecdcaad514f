#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct palette {
    unsigned ncolors;
    uint32_t *rgba;
};

/* Palette block: ncolors(2, BE, 1..256) followed by ncolors RGB triples.
 * Returns the number of bytes consumed or -1. */
static long palette_load(struct palette *pal, const uint8_t *p, size_t n)
{
    unsigned nc, i;

    if (n < 2)
        return -1;
    nc = ((unsigned)p[0] << 8) | p[1];
    if (nc == 0 || nc > 256 || (n - 2) / 3 < nc)
        return -1;
    pal->rgba = malloc(nc * sizeof *pal->rgba);
    if (pal->rgba == NULL)
        return -1;
    for (i = 0; i < nc; i++) {
        const uint8_t *c = p + 2 + 3 * i;
        pal->rgba[i] = 0xff000000u | ((uint32_t)c[0] << 16) |
                       ((uint32_t)c[1] << 8) | c[2];
    }
    pal->ncolors = nc;
    return 2 + 3 * (long)nc;
}

static int palette_expand(const struct palette *pal, const uint8_t *idx,
                          size_t npix, uint32_t *out)
{
    size_t i;

    for (i = 0; i < npix; i++) {
        uint8_t c = idx[i];
        out[i] = pal->rgba[c];  // expect-warning: CWE-129
    }
    return 0;
}

/* Decodes an indexed image (palette block followed by npix index bytes)
 * into out, which must hold npix pixels. */
int indexed_image_decode(const uint8_t *file, size_t size, uint32_t *out, size_t npix)
{
    struct palette pal = { 0, NULL };
    long used;
    int rc;

    used = palette_load(&pal, file, size);
    if (used < 0)
        return -1;
    if (size - (size_t)used < npix) {
        free(pal.rgba);
        return -1;
    }
    rc = palette_expand(&pal, file + used, npix, out);
    free(pal.rgba);
    return rc;
}
