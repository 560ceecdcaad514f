#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct array_blob {
    uint32_t elsize;
    uint32_t nelem;
    uint8_t *data;
};

/* Blob: 'A' 'B' elsize(2, BE) nelem(4, BE) then nelem * elsize bytes. */
int array_blob_read(struct array_blob *ab, const uint8_t *p, size_t n)
{
    uint32_t elsize, nelem, total;

    if (n < 8 || p[0] != 'A' || p[1] != 'B')
        return -1;
    elsize = ((uint32_t)p[2] << 8) | p[3];
    nelem = ((uint32_t)p[4] << 24) | ((uint32_t)p[5] << 16) |
            ((uint32_t)p[6] << 8) | p[7];
    if (elsize == 0 || nelem == 0 || nelem > UINT32_MAX / elsize)
        return -1;
    total = nelem * elsize;
    if (total > n - 8)
        return -1;
    ab->data = malloc(total ? total : 1);
    if (ab->data == NULL)
        return -1;
    memcpy(ab->data, p + 8, total);
    ab->elsize = elsize;
    ab->nelem = nelem;
    return 0;
}

/* Returns the first four bytes of element idx as a big-endian integer. */
int array_blob_u32(const struct array_blob *ab, uint32_t idx, uint32_t *out)
{
    const uint8_t *e;

    if (idx >= ab->nelem || ab->elsize < 4)
        return -1;
    e = ab->data + (size_t)idx * ab->elsize;
    *out = ((uint32_t)e[0] << 24) | ((uint32_t)e[1] << 16) |
           ((uint32_t)e[2] << 8) | e[3];
    return 0;
}

void array_blob_free(struct array_blob *ab)
{
    free(ab->data);
    ab->data = NULL;
    ab->nelem = 0;
}
