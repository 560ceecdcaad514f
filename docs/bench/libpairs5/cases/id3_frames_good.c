/* ID3v2.3 / ID3v2.4 tag reader: the common text frames of a tag at the
 * start of an MP3 file. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ID3_HDR_LEN 10
#define ID3_FLAG_UNSYNC 0x80
#define ID3_FLAG_EXTENDED 0x40

struct id3_tag {
    unsigned version;
    char *title;
    char *artist;
    char *album;
    char *year;
    char *track;
    char *genre;
    unsigned nframes;
};

static uint32_t syncsafe32(const uint8_t *p)
{
    return (uint32_t)(p[0] & 0x7f) << 21 | (uint32_t)(p[1] & 0x7f) << 14 | (uint32_t)(p[2] & 0x7f) << 7 | (p[3] & 0x7f);
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Decodes a text frame body (encoding byte + text) to a C string.  UTF-16
 * text is reduced to its Latin-1 subset. */
static int set_text(char **dst, const uint8_t *p, size_t n)
{
    uint8_t enc;
    size_t i, o = 0;
    char *s;

    if (n < 1 || p[0] > 3)
        return -1;
    enc = p[0];
    p++;
    n--;
    if (!(s = malloc(n + 1)))
        return -1;
    if (enc == 1 || enc == 2) {
        int le = enc == 1 && n >= 2 && p[0] == 0xff && p[1] == 0xfe;
        i = (enc == 1 && n >= 2) ? 2 : 0;
        for (; i + 1 < n; i += 2) {
            uint8_t hi = le ? p[i + 1] : p[i], lo = le ? p[i] : p[i + 1];
            if (!hi && !lo)
                break;
            s[o++] = hi ? '?' : (char)lo;
        }
    } else {
        for (i = 0; i < n && p[i]; i++)
            s[o++] = (char)p[i];
    }
    s[o] = '\0';
    free(*dst);
    *dst = s;
    return 0;
}

static char **text_slot(struct id3_tag *t, const uint8_t *id)
{
    if (!memcmp(id, "TIT2", 4))
        return &t->title;
    if (!memcmp(id, "TPE1", 4))
        return &t->artist;
    if (!memcmp(id, "TALB", 4))
        return &t->album;
    if (!memcmp(id, "TYER", 4) || !memcmp(id, "TDRC", 4))
        return &t->year;
    if (!memcmp(id, "TRCK", 4))
        return &t->track;
    if (!memcmp(id, "TCON", 4))
        return &t->genre;
    return NULL;
}

void id3_free(struct id3_tag *t)
{
    if (!t)
        return;
    free(t->title);
    free(t->artist);
    free(t->album);
    free(t->year);
    free(t->track);
    free(t->genre);
    free(t);
}

struct id3_tag *id3_parse(const uint8_t *buf, size_t len)
{
    struct id3_tag *t;
    size_t off = ID3_HDR_LEN, end, fsize;
    char **slot;

    if (len < ID3_HDR_LEN || memcmp(buf, "ID3", 3) != 0 || (buf[3] != 3 && buf[3] != 4))
        return NULL;
    if (buf[5] & ID3_FLAG_UNSYNC)
        return NULL;
    end = ID3_HDR_LEN + (size_t)syncsafe32(buf + 6);
    if (end > len || !(t = calloc(1, sizeof(*t))))
        return NULL;
    t->version = buf[3];
    if (buf[5] & ID3_FLAG_EXTENDED) {
        if (end - off < 4)
            goto fail;
        fsize = t->version == 4 ? syncsafe32(buf + off) : be32(buf + off) + 4;
        if (fsize < 4 || fsize > end - off)
            goto fail;
        off += fsize;
    }
    while (end - off >= 10 && buf[off] != 0) {
        fsize = t->version == 4 ? syncsafe32(buf + off + 4) : be32(buf + off + 4);
        if (fsize > end - off - 10)
            goto fail;
        slot = text_slot(t, buf + off);
        if (slot && set_text(slot, buf + off + 10, fsize) < 0)
            goto fail;
        t->nframes++;
        off += 10 + fsize;
    }
    return t;
fail:
    id3_free(t);
    return NULL;
}
