#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Frame: magic(2) version(1) flags(1) reserved(4) length(4) payload checksum(4) */
#define FRAME_HDR 12
#define FRAME_MAX_PAYLOAD 65536

static uint32_t frame_checksum(const uint8_t *p, size_t n)
{
    uint32_t h = 5381;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h << 5) + h + p[i];
    return h;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

uint8_t *frame_build(uint8_t flags, const uint8_t *payload, uint32_t len,
                     size_t *out_len)
{
    size_t total;
    uint8_t *f;

    if (len > FRAME_MAX_PAYLOAD)
        return NULL;
    total = FRAME_HDR + (size_t)len + 4;
    f = malloc(total);
    if (f == NULL)
        return NULL;
    f[0] = 0xa5;
    f[1] = 0x5a;
    f[2] = 1;
    f[3] = flags;
    memset(f + 4, 0, 4);
    put32(f + 8, len);
    if (len > 0)
        memcpy(f + FRAME_HDR, payload, len);
    put32(f + FRAME_HDR + len, frame_checksum(f, FRAME_HDR + (size_t)len));
    *out_len = total;
    return f;
}

int frame_send(FILE *fp, uint8_t flags, const uint8_t *payload, uint32_t len)
{
    size_t n;
    uint8_t *f = frame_build(flags, payload, len, &n);
    int rc;

    if (f == NULL)
        return -1;
    rc = fwrite(f, 1, n, fp) == n ? 0 : -1;
    free(f);
    return rc;
}
