/* ELF64 note reader: finds PT_NOTE segments through the program header
 * table and walks their notes (GNU build-id, ABI tag). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define EHDR_LEN 64
#define PHDR_LEN 56
#define PT_NOTE 4
#define NOTE_HDR 12
#define NT_GNU_ABI_TAG 1
#define NT_GNU_BUILD_ID 3

#define ALIGN4(x) (((size_t)(x) + 3) & ~(size_t)3)

struct elf_note_info {
    uint8_t build_id[64];
    size_t build_id_len;
    unsigned abi_os;
    unsigned abi_major, abi_minor, abi_patch;
    unsigned notes_seen;
};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static int is_gnu(const uint8_t *name, uint32_t namesz)
{
    return namesz == 4 && memcmp(name, "GNU", 4) == 0;
}

static void visit_note(struct elf_note_info *info, uint32_t type, const uint8_t *name,
                       uint32_t namesz, const uint8_t *desc, uint32_t descsz)
{
    info->notes_seen++;
    if (!is_gnu(name, namesz))
        return;
    if (type == NT_GNU_BUILD_ID && descsz > 0 && descsz <= sizeof(info->build_id)) {
        memcpy(info->build_id, desc, descsz);
        info->build_id_len = descsz;
    } else if (type == NT_GNU_ABI_TAG && descsz == 16) {
        info->abi_os = le32(desc);
        info->abi_major = le32(desc + 4);
        info->abi_minor = le32(desc + 8);
        info->abi_patch = le32(desc + 12);
    }
}

static int walk_notes(struct elf_note_info *info, const uint8_t *p, size_t left)
{
    uint32_t namesz, descsz, type;
    const uint8_t *name, *desc;
    size_t nsz, dsz;

    while (left >= NOTE_HDR) {
        namesz = le32(p);
        descsz = le32(p + 4);
        type = le32(p + 8);
        p += NOTE_HDR;
        left -= NOTE_HDR;
        nsz = ALIGN4(namesz);
        dsz = ALIGN4(descsz);
        if (nsz > left || dsz > left)
            return -1;
        name = p;
        desc = p + nsz;
        p += nsz + dsz;
        left -= nsz + dsz; // expect-warning: CWE-191
        visit_note(info, type, name, namesz, desc, descsz);
    }
    return 0;
}

/* Parses an in-memory ELF64 little-endian image and collects the notes
 * of all PT_NOTE segments. Returns the number of notes or -1. */
long elf_read_notes(const uint8_t *img, size_t len, struct elf_note_info *info)
{
    uint64_t phoff, off, filesz;
    unsigned phnum, phentsize, i;
    const uint8_t *ph;

    memset(info, 0, sizeof(*info));
    if (len < EHDR_LEN || memcmp(img, "\177ELF", 4) != 0)
        return -1;
    if (img[4] != 2 || img[5] != 1)
        return -1;
    phoff = le64(img + 32);
    phentsize = le16(img + 54);
    phnum = le16(img + 56);
    if (phnum == 0)
        return 0;
    if (phentsize != PHDR_LEN || phoff > len || (uint64_t)phnum * PHDR_LEN > len - phoff)
        return -1;
    for (i = 0; i < phnum; i++) {
        ph = img + phoff + (size_t)i * PHDR_LEN;
        if (le32(ph) != PT_NOTE)
            continue;
        off = le64(ph + 8);
        filesz = le64(ph + 32);
        if (off > len || filesz > len - off)
            return -1;
        if (walk_notes(info, img + off, (size_t)filesz) < 0)
            return -1;
    }
    return (long)info->notes_seen;
}

/* Formats the build-id as lowercase hex into out (2 * n + 1 bytes). */
int elf_build_id_hex(const struct elf_note_info *info, char *out, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t i;

    if (info->build_id_len == 0 || cap < 2 * info->build_id_len + 1)
        return -1;
    for (i = 0; i < info->build_id_len; i++) {
        out[2 * i] = hex[info->build_id[i] >> 4];
        out[2 * i + 1] = hex[info->build_id[i] & 15];
    }
    out[2 * i] = '\0';
    return 0;
}
