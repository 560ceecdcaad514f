#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * RIFF/WAVE probe: walks the chunk list of a .wav file, picks up the
 * "fmt " and "data" chunks and reports the stream parameters.  Unknown
 * chunks (LIST, fact, cue ...) are skipped.
 */

struct wav_info {
    uint16_t format;        /* 1 = PCM, 3 = IEEE float */
    uint16_t channels;
    uint32_t sample_rate;
    uint16_t block_align;
    uint16_t bits;
    uint32_t data_offset;
    uint32_t data_bytes;
    uint32_t frames;
    uint32_t duration_ms;
};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

/* Returns 0 and fills *out on success, -1 if the file is not usable. */
int wav_probe(const uint8_t *buf, size_t len, struct wav_info *out)
{
    struct wav_info wi;
    int have_fmt = 0, have_data = 0;
    size_t off = 12;
    uint32_t riff_len;

    if (len < 12 || memcmp(buf, "RIFF", 4) != 0 || memcmp(buf + 8, "WAVE", 4) != 0)
        return -1;
    riff_len = le32(buf + 4);
    if (riff_len < 4)
        return -1;
    if (riff_len - 4 < len - 12)
        len = (size_t)riff_len + 8;

    while (len - off >= 8 && !(have_fmt && have_data)) {
        uint32_t clen = le32(buf + off + 4);
        const uint8_t *c = buf + off + 8;

        if (clen > len - off - 8)
            return -1;
        if (memcmp(buf + off, "fmt ", 4) == 0) {
            if (clen < 16 || have_fmt)
                return -1;
            wi.format = le16(c);
            wi.channels = le16(c + 2);
            wi.sample_rate = le32(c + 4);
            wi.block_align = le16(c + 12);
            wi.bits = le16(c + 14);
            if (clen >= 40 && wi.format == 0xfffe)   /* WAVE_FORMAT_EXTENSIBLE */
                wi.format = le16(c + 24);            /* first two bytes of SubFormat */
            have_fmt = 1;
        } else if (memcmp(buf + off, "data", 4) == 0) {
            wi.data_offset = (uint32_t)(off + 8);
            wi.data_bytes = clen;
            have_data = 1;
        }
        off += 8 + (size_t)clen + (clen & 1);
        if (off > len)
            break;
    }

    if (!have_data)
        return -1;
    if (wi.channels == 0 || wi.bits == 0 || wi.bits % 8 != 0) // expect-warning: CWE-457
        return -1;
    if (wi.block_align != wi.channels * (wi.bits / 8))
        return -1;
    if (wi.format != 1 && wi.format != 3)
        return -1;
    if (wi.sample_rate == 0 || wi.sample_rate > 768000)
        return -1;

    wi.frames = wi.data_bytes / wi.block_align;
    wi.duration_ms = (uint32_t)((uint64_t)wi.frames * 1000 / wi.sample_rate);
    *out = wi;
    return 0;
}

/* Byte range of frame i within the file, for seeking. */
int wav_frame_range(const struct wav_info *wi, uint32_t frame, size_t *off, size_t *n)
{
    if (frame >= wi->frames)
        return -1;
    *off = wi->data_offset + (size_t)frame * wi->block_align;
    *n = wi->block_align;
    return 0;
}
