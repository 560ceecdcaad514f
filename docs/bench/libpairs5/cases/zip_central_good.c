/* ZIP archive reader: locates the end of central directory record and
 * iterates over the central directory file headers. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ZIP_EOCD_SIG 0x06054b50u
#define ZIP_CDH_SIG 0x02014b50u
#define ZIP_EOCD_LEN 22
#define ZIP_CDH_LEN 46
#define ZIP_COMMENT_MAX 65535

struct zip_entry {
    uint16_t method;
    uint16_t flags;
    uint32_t crc;
    uint32_t csize;
    uint32_t usize;
    uint32_t local_off;
    const char *name;
    uint16_t name_len;
};

struct zip_dir {
    const uint8_t *buf;
    size_t len;
    size_t eocd_off;
    uint32_t cd_off;
    uint32_t cd_size;
    uint16_t count;
};

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int zip_open(struct zip_dir *z, const uint8_t *buf, size_t len)
{
    const uint8_t *e;
    size_t i, min;

    memset(z, 0, sizeof(*z));
    if (len < ZIP_EOCD_LEN)
        return -1;
    min = len > ZIP_EOCD_LEN + ZIP_COMMENT_MAX ? len - ZIP_EOCD_LEN - ZIP_COMMENT_MAX : 0;
    for (i = len - ZIP_EOCD_LEN;; i--) {
        if (le32(buf + i) == ZIP_EOCD_SIG && i + ZIP_EOCD_LEN + le16(buf + i + 20) == len)
            break;
        if (i == min)
            return -1;
    }
    e = buf + i;
    if (le16(e + 4) != 0 || le16(e + 6) != 0 || le16(e + 8) != le16(e + 10))
        return -1;              /* split archives are not supported */
    z->buf = buf;
    z->len = len;
    z->eocd_off = i;
    z->count = le16(e + 10);
    z->cd_size = le32(e + 12);
    z->cd_off = le32(e + 16);
    if (z->cd_off > z->eocd_off || z->cd_size > z->eocd_off - z->cd_off)
        return -1;
    return 0;
}

/* Reads the entry at *pos (start with *pos = 0) and advances *pos.
 * Returns 1 for an entry, 0 at the end, -1 if the directory is damaged. */
int zip_next(const struct zip_dir *z, size_t *pos, struct zip_entry *ent)
{
    const uint8_t *h;
    size_t off = (size_t)z->cd_off + *pos, end = (size_t)z->cd_off + z->cd_size;
    size_t n, x, c;

    if (off == end)
        return 0;
    if (end - off < ZIP_CDH_LEN)
        return -1;
    h = z->buf + off;
    if (le32(h) != ZIP_CDH_SIG)
        return -1;
    ent->flags = le16(h + 8);
    ent->method = le16(h + 10);
    ent->crc = le32(h + 16);
    ent->csize = le32(h + 20);
    ent->usize = le32(h + 24);
    n = le16(h + 28);
    x = le16(h + 30);
    c = le16(h + 32);
    ent->local_off = le32(h + 42);
    if (n + x + c > end - off - ZIP_CDH_LEN)
        return -1;
    ent->name = (const char *)h + ZIP_CDH_LEN;
    ent->name_len = (uint16_t)n;
    *pos += ZIP_CDH_LEN + n + x + c;
    return 1;
}

int zip_find(const struct zip_dir *z, const char *name, struct zip_entry *ent)
{
    size_t pos = 0, n = strlen(name);
    unsigned seen = 0;
    int r;

    while ((r = zip_next(z, &pos, ent)) > 0 && seen++ < z->count)
        if (ent->name_len == n && memcmp(ent->name, name, n) == 0)
            return 0;
    return -1;
}

int zip_entry_is_dir(const struct zip_entry *ent)
{
    return ent->name_len > 0 && ent->name[ent->name_len - 1] == '/';
}
