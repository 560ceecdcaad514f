/* Drives elf_notes: a PT_NOTE segment of 20 bytes holding a GNU build-id
 * note that declares an 8-byte descriptor (only 4 present). */
#include CASE
#include <stdio.h>
#include <stdlib.h>

static void w16(uint8_t *p, unsigned v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void w32(uint8_t *p, uint32_t v) { w16(p, v & 0xffff); w16(p + 2, v >> 16); }
static void w64(uint8_t *p, uint64_t v) { w32(p, (uint32_t)v); w32(p + 4, (uint32_t)(v >> 32)); }

int main(void)
{
    size_t len = 64 + 56 + 20;
    uint8_t *img = calloc(len, 1), *ph = img + 64, *note = img + 120;
    struct elf_note_info info;
    char hex[129];
    long n;

    memcpy(img, "\177ELF", 4);
    img[4] = 2; img[5] = 1; img[6] = 1;
    w64(img + 32, 64);                 /* e_phoff */
    w16(img + 54, 56);                 /* e_phentsize */
    w16(img + 56, 1);                  /* e_phnum */
    w32(ph, PT_NOTE);
    w64(ph + 8, 120);                  /* p_offset */
    w64(ph + 32, 20);                  /* p_filesz */
    w32(note, 4);                      /* namesz */
    w32(note + 4, 8);                  /* descsz */
    w32(note + 8, NT_GNU_BUILD_ID);
    memcpy(note + 12, "GNU", 4);
    memcpy(note + 16, "\x12\x34\x56\x78", 4);
    n = elf_read_notes(img, len, &info);
    printf("notes: %ld\n", n);
    if (n > 0 && elf_build_id_hex(&info, hex, sizeof(hex)) == 0)
        printf("build-id %s\n", hex);
    free(img);
    return 0;
}
