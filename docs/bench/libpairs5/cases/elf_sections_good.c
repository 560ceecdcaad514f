/* ELF64 section header table reader (little-endian objects). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ELF_CLASS64 2
#define ELF_DATA_LSB 1
#define ELF64_EHDR_SIZE 64
#define ELF64_SHDR_SIZE 64
#define SHT_NOBITS 8

struct elf_section {
    uint32_t name;
    uint32_t type;
    uint64_t flags;
    uint64_t addr;
    uint64_t offset;
    uint64_t size;
};

struct elf_file {
    const uint8_t *data;
    size_t len;
    uint16_t type;
    uint16_t machine;
    uint64_t entry;
    uint64_t shoff;
    uint16_t shnum;
    uint16_t shstrndx;
    const uint8_t *strtab;
    size_t strtab_len;
};

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void read_shdr(const struct elf_file *ef, unsigned i, struct elf_section *s)
{
    const uint8_t *p = ef->data + ef->shoff + (size_t)i * ELF64_SHDR_SIZE;

    s->name = rd32(p);
    s->type = rd32(p + 4);
    s->flags = rd64(p + 8);
    s->addr = rd64(p + 16);
    s->offset = rd64(p + 24);
    s->size = rd64(p + 32);
}

int elf_open(struct elf_file *ef, const uint8_t *buf, size_t len)
{
    struct elf_section st;
    uint16_t shentsize;

    memset(ef, 0, sizeof(*ef));
    if (len < ELF64_EHDR_SIZE || memcmp(buf, "\x7f" "ELF", 4) != 0)
        return -1;
    if (buf[4] != ELF_CLASS64 || buf[5] != ELF_DATA_LSB)
        return -1;
    ef->data = buf;
    ef->len = len;
    ef->type = rd16(buf + 16);
    ef->machine = rd16(buf + 18);
    ef->entry = rd64(buf + 24);
    ef->shoff = rd64(buf + 40);
    shentsize = rd16(buf + 58);
    ef->shnum = rd16(buf + 60);
    ef->shstrndx = rd16(buf + 62);
    if (ef->shnum == 0)
        return 0;
    if (shentsize != ELF64_SHDR_SIZE)
        return -1;
    if (ef->shoff > len || (uint64_t)ef->shnum * ELF64_SHDR_SIZE > len - ef->shoff)
        return -1;
    if (ef->shstrndx >= ef->shnum)
        return -1;
    read_shdr(ef, ef->shstrndx, &st);
    if (st.type == SHT_NOBITS)
        return -1;
    if (st.offset > len || st.size > len - st.offset)
        return -1;
    ef->strtab = buf + st.offset;
    ef->strtab_len = (size_t)st.size;
    return 0;
}

const char *elf_section_name(const struct elf_file *ef, unsigned idx, size_t *name_len)
{
    struct elf_section s;
    size_t i;

    if (idx >= ef->shnum || !ef->strtab)
        return NULL;
    read_shdr(ef, idx, &s);
    if (s.name >= ef->strtab_len)
        return NULL;
    for (i = s.name; i < ef->strtab_len; i++)
        if (ef->strtab[i] == '\0')
            break;
    if (i == ef->strtab_len)
        return NULL;
    *name_len = i - s.name;
    return (const char *)ef->strtab + s.name;
}

int elf_section_data(const struct elf_file *ef, unsigned idx, const uint8_t **data, size_t *size)
{
    struct elf_section s;

    if (idx >= ef->shnum)
        return -1;
    read_shdr(ef, idx, &s);
    if (s.type == SHT_NOBITS) {
        *data = NULL;
        *size = 0;
        return 0;
    }
    if (s.offset > ef->len || s.size > ef->len - s.offset)
        return -1;
    *data = ef->data + s.offset;
    *size = (size_t)s.size;
    return 0;
}

int elf_find_section(const struct elf_file *ef, const char *name, unsigned *idx)
{
    size_t want = strlen(name), n;
    const char *s;
    unsigned i;

    for (i = 1; i < ef->shnum; i++) {
        s = elf_section_name(ef, i, &n);
        if (s && n == want && memcmp(s, name, n) == 0) {
            *idx = i;
            return 0;
        }
    }
    return -1;
}
