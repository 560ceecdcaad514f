#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TAR_BLOCK 512

struct tar_hdr {
    char name[100];
    char mode[8];
    char uid[8];
    char gid[8];
    char size[12];
    char mtime[12];
    char chksum[8];
    char typeflag;
    char linkname[100];
    char magic[6];
    char version[2];
    char uname[32];
    char gname[32];
    char devmajor[8];
    char devminor[8];
    char prefix[155];
    char pad[12];
};

struct tar_entry {
    char path[256];
    uint64_t size;
    unsigned mode;
    char type;
};

static uint64_t parse_octal(const char *p, size_t n)
{
    uint64_t v = 0;
    size_t i = 0;

    while (i < n && p[i] == ' ')
        i++;
    for (; i < n && p[i] >= '0' && p[i] <= '7'; i++)
        v = (v << 3) | (uint64_t)(p[i] - '0');
    return v;
}

static int checksum_ok(const uint8_t *blk, const struct tar_hdr *h)
{
    unsigned long sum = 0;
    size_t i;

    for (i = 0; i < TAR_BLOCK; i++) {
        if (i >= offsetof(struct tar_hdr, chksum) &&
            i < offsetof(struct tar_hdr, chksum) + sizeof(h->chksum))
            sum += ' ';
        else
            sum += blk[i];
    }
    return sum == parse_octal(h->chksum, sizeof(h->chksum));
}

int tar_read_entry(const uint8_t *blk, size_t len, struct tar_entry *e)
{
    const struct tar_hdr *h = (const struct tar_hdr *)(const void *)blk;
    size_t plen = 0, nlen;

    if (len < TAR_BLOCK || blk[0] == '\0')
        return -1;
    if (!checksum_ok(blk, h))
        return -1;
    if (memcmp(h->magic, "ustar", 5) == 0 && h->prefix[0] != '\0') {
        plen = strnlen(h->prefix, sizeof(h->prefix));
        memcpy(e->path, h->prefix, plen);
        e->path[plen++] = '/';
    }
    nlen = strnlen(h->name, sizeof(h->name));
    if (plen + nlen >= sizeof(e->path))
        return -1;
    memcpy(e->path + plen, h->name, nlen);
    e->path[plen + nlen] = '\0';
    e->size = parse_octal(h->size, sizeof(h->size));
    e->mode = (unsigned)parse_octal(h->mode, sizeof(h->mode));
    e->type = h->typeflag ? h->typeflag : '0';
    return 0;
}

uint64_t tar_next_header_offset(const struct tar_entry *e)
{
    return TAR_BLOCK + ((e->size + TAR_BLOCK - 1) / TAR_BLOCK) * TAR_BLOCK;
}
