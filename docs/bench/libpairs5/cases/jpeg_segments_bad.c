/* JPEG marker segment walker: reads the frame header, JFIF/Exif
 * identifiers and the comment, and stops at the start of scan. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define JPEG_SOI 0xd8
#define JPEG_EOI 0xd9
#define JPEG_SOS 0xda
#define JPEG_APP0 0xe0
#define JPEG_APP1 0xe1
#define JPEG_COM 0xfe

struct jpeg_info {
    uint16_t width;
    uint16_t height;
    uint8_t precision;
    uint8_t components;
    int progressive;
    int jfif;
    int exif;
    char comment[128];
    unsigned nsegments;
};

static int is_sof(uint8_t m)
{
    /* SOF0..SOF15 except DHT (c4), JPG (c8) and DAC (cc) */
    return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

static int is_standalone(uint8_t m)
{
    return m == 0x01 || (m >= 0xd0 && m <= 0xd7);
}

static int read_frame(const uint8_t *p, size_t body, uint8_t m, struct jpeg_info *info)
{
    if (info->components)
        return -1;                  /* second frame header */
    if (body < 6)
        return -1;
    info->precision = p[0];
    info->height = (uint16_t)(p[1] << 8 | p[2]);
    info->width = (uint16_t)(p[3] << 8 | p[4]);
    info->components = p[5];
    if (info->components == 0 || info->width == 0 || body < 6 + 3u * info->components)
        return -1;
    info->progressive = m == 0xc2 || m == 0xc6 || m == 0xca || m == 0xce;
    return 0;
}

/* Returns 0 when the start of scan is reached with a frame header seen. */
int jpeg_scan(const uint8_t *buf, size_t len, struct jpeg_info *info)
{
    size_t off = 2, seglen, body, n;
    const uint8_t *p;
    uint8_t m;

    memset(info, 0, sizeof(*info));
    if (len < 4 || buf[0] != 0xff || buf[1] != JPEG_SOI)
        return -1;
    for (;;) {
        if (len - off < 2 || buf[off] != 0xff)
            return -1;
        m = buf[off + 1];
        if (m == 0xff) {            /* fill byte */
            off++;
            continue;
        }
        if (is_standalone(m)) {
            off += 2;
            continue;
        }
        if (m == JPEG_EOI || m == JPEG_SOI || len - off < 4)
            return -1;
        seglen = (size_t)buf[off + 2] << 8 | buf[off + 3];
        if (seglen > len - off - 2)
            return -1;
        p = buf + off + 4;
        body = seglen - 2; // expect-warning: CWE-191
        if (m == JPEG_SOS)
            return info->components ? 0 : -1;
        if (is_sof(m) && read_frame(p, body, m, info) < 0)
            return -1;
        if (m == JPEG_APP0 && body >= 5 && memcmp(p, "JFIF", 5) == 0)
            info->jfif = 1;
        if (m == JPEG_APP1 && body >= 6 && memcmp(p, "Exif\0", 6) == 0)
            info->exif = 1;
        if (m == JPEG_COM) {
            n = body < sizeof(info->comment) - 1 ? body : sizeof(info->comment) - 1;
            memcpy(info->comment, p, n);
            info->comment[n] = '\0';
        }
        info->nsegments++;
        off += 2 + seglen;
    }
}

/* Bytes of uncompressed 8-bit samples a decoder needs for the frame. */
size_t jpeg_sample_bytes(const struct jpeg_info *info)
{
    return (size_t)info->width * info->height * info->components * (info->precision > 8 ? 2 : 1);
}

/* One-line description such as "640x480 3ch 8-bit baseline JFIF". */
int jpeg_describe(const struct jpeg_info *info, char *buf, size_t cap)
{
    int k = snprintf(buf, cap, "%ux%u %uch %u-bit %s%s%s", info->width, info->height,
                     info->components, info->precision,
                     info->progressive ? "progressive" : "baseline",
                     info->jfif ? " JFIF" : "", info->exif ? " Exif" : "");

    return k < 0 || (size_t)k >= cap ? -1 : k;
}
