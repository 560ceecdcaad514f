#include CASE
#include <stdio.h>
#include <stdlib.h>

static void put64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static void put32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }

int main(void)
{
    size_t len = 64 + 2 * 64 + 8;
    uint8_t *b = calloc(1, len);
    struct elf_file ef;
    unsigned idx;

    memcpy(b, "\x7f" "ELF", 4);
    b[4] = 2; b[5] = 1; b[6] = 1;
    put16(b + 16, 1); put16(b + 18, 62);
    put64(b + 40, 64);          /* shoff */
    put16(b + 58, 64); put16(b + 60, 2); put16(b + 62, 1);
    /* section 1: .shstrtab at the last 8 bytes, declared size 64 */
    put32(b + 128, 1); put32(b + 132, 3);
    put64(b + 128 + 24, 192); put64(b + 128 + 32, 64);
    memcpy(b + 192, "\0.shstrt", 8);
    if (elf_open(&ef, b, len) != 0) { puts("rejected"); free(b); return 0; }
    printf("find: %d\n", elf_find_section(&ef, ".shstrtab", &idx));
    free(b);
    return 0;
}
