/* Portable Executable (PE32 / PE32+) reader: section table, RVA mapping
 * and the names of imported DLLs. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define COFF_HDR_LEN 20
#define SECTION_LEN 40
#define IMPORT_DESC_LEN 20
#define PE32_MAGIC 0x10b
#define PE32P_MAGIC 0x20b
#define PE_MAX_SECTIONS 96
#define PE_NAME_MAX 256

struct pe_section {
    char name[9];
    uint32_t vaddr, vsize;
    uint32_t raw_off, raw_size;
};

struct pe_file {
    const uint8_t *data;
    size_t len;
    unsigned nsections;
    struct pe_section *sections;
    uint32_t import_rva, import_size;
};

typedef int (*pe_dll_cb)(void *ctx, const char *name);

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int read_headers(struct pe_file *pe)
{
    const uint8_t *d = pe->data;
    size_t nt, opt, sec, dd;
    unsigned optsize, magic, i;

    if (pe->len < 0x40 || d[0] != 'M' || d[1] != 'Z')
        return -1;
    nt = le32(d + 0x3c);
    if (nt > pe->len || pe->len - nt < 4 + COFF_HDR_LEN || memcmp(d + nt, "PE\0\0", 4) != 0)
        return -1;
    pe->nsections = le16(d + nt + 6);
    optsize = le16(d + nt + 20);
    opt = nt + 4 + COFF_HDR_LEN;
    if (pe->nsections == 0 || pe->nsections > PE_MAX_SECTIONS || optsize < 2 || optsize > pe->len - opt)
        return -1;
    magic = le16(d + opt);
    dd = magic == PE32P_MAGIC ? 112 : magic == PE32_MAGIC ? 96 : 0;
    if (dd == 0 || optsize < dd + 16)
        return -1;
    pe->import_rva = le32(d + opt + dd + 8);
    pe->import_size = le32(d + opt + dd + 12);
    sec = opt + optsize;
    if ((size_t)pe->nsections * SECTION_LEN > pe->len - sec)
        return -1;
    pe->sections = calloc(pe->nsections, sizeof(*pe->sections));
    if (!pe->sections)
        return -1;
    for (i = 0; i < pe->nsections; i++) {
        const uint8_t *s = d + sec + (size_t)i * SECTION_LEN;
        struct pe_section *ps = &pe->sections[i];

        memcpy(ps->name, s, 8);
        ps->vsize = le32(s + 8);
        ps->vaddr = le32(s + 12);
        ps->raw_size = le32(s + 16);
        ps->raw_off = le32(s + 20);
        if (ps->raw_off > pe->len || ps->raw_size > pe->len - ps->raw_off)
            return -1;
    }
    return 0;
}

struct pe_file *pe_open(const uint8_t *data, size_t len)
{
    struct pe_file *pe = calloc(1, sizeof(*pe));

    if (!pe)
        return NULL;
    pe->data = data;
    pe->len = len;
    if (read_headers(pe) < 0) {
        free(pe->sections);
        free(pe);
        return NULL;
    }
    return pe;
}

void pe_close(struct pe_file *pe)
{
    if (pe) {
        free(pe->sections);
        free(pe);
    }
}

/* Maps an RVA to file data; *avail receives the bytes readable there. */
static const uint8_t *rva_ptr(const struct pe_file *pe, uint32_t rva, size_t *avail)
{
    unsigned i;

    for (i = 0; i < pe->nsections; i++) {
        const struct pe_section *s = &pe->sections[i];

        if (rva >= s->vaddr && rva - s->vaddr < s->raw_size) {
            *avail = s->raw_size - (rva - s->vaddr);
            return pe->data + s->raw_off + (rva - s->vaddr);
        }
    }
    return NULL;
}

static int copy_name(const uint8_t *p, size_t avail, char *out)
{
    size_t i;

    for (i = 0; i < avail && i < PE_NAME_MAX - 1; i++) {
        out[i] = (char)p[i];
        if (out[i] == '\0')
            return 0;
    }
    return -1;
}

/* Calls cb with the name of each imported DLL; stops when cb returns
 * non-zero. Returns the number of names or -1. */
int pe_import_dlls(const struct pe_file *pe, pe_dll_cb cb, void *ctx)
{
    const uint8_t *desc, *np;
    size_t avail, navail;
    char name[PE_NAME_MAX];
    int count = 0;

    if (pe->import_rva == 0)
        return 0;
    desc = rva_ptr(pe, pe->import_rva, &avail);
    if (!desc)
        return -1;
    for (; avail >= IMPORT_DESC_LEN; desc += IMPORT_DESC_LEN, avail -= IMPORT_DESC_LEN) {
        uint32_t name_rva = le32(desc + 12);

        if (name_rva == 0 && le32(desc + 16) == 0)
            break;
        np = rva_ptr(pe, name_rva, &navail);
        if (!np || copy_name(np, navail, name) < 0)
            return -1;
        count++;
        if (cb && cb(ctx, name))
            break;
    }
    return count;
}
