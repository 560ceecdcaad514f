/* Drives pe_imports: an .idata section whose virtual size (0x1000) is larger
 * than its raw data (52 bytes, ending the file), with an import name that
 * runs to the end of the raw data without a terminator. */
#include CASE
#include <stdio.h>
#include <stdlib.h>

static void w16(uint8_t *p, unsigned v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void w32(uint8_t *p, uint32_t v) { w16(p, v & 0xffff); w16(p + 2, v >> 16); }

static int print_dll(void *ctx, const char *name)
{
    (void)ctx;
    printf("imports %s\n", name);
    return 0;
}

int main(void)
{
    size_t len = 368 + 52;
    uint8_t *f = calloc(len, 1), *opt = f + 88, *sec = f + 328, *raw = f + 368;
    struct pe_file *pe;

    f[0] = 'M'; f[1] = 'Z';
    w32(f + 0x3c, 64);
    memcpy(f + 64, "PE\0\0", 4);
    w16(f + 68, 0x8664);
    w16(f + 70, 1);                    /* NumberOfSections */
    w16(f + 84, 240);                  /* SizeOfOptionalHeader */
    w16(opt, PE32P_MAGIC);
    w32(opt + 120, 0x1000);            /* import directory RVA */
    w32(opt + 124, 40);
    memcpy(sec, ".idata", 6);
    w32(sec + 8, 0x1000);              /* VirtualSize */
    w32(sec + 12, 0x1000);             /* VirtualAddress */
    w32(sec + 16, 52);                 /* SizeOfRawData */
    w32(sec + 20, 368);                /* PointerToRawData */
    w32(raw + 12, 0x1028);             /* descriptor 0: Name RVA */
    w32(raw + 16, 0x1030);
    memcpy(raw + 40, "KERNEL32.dll", 12);
    pe = pe_open(f, len);
    if (!pe)
        return 1;
    printf("dlls: %d\n", pe_import_dlls(pe, print_dll, NULL));
    pe_close(pe);
    free(f);
    return 0;
}
