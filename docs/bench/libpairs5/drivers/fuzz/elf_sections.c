#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct elf_file ef;
    const uint8_t *p;
    size_t sz, nl;
    unsigned i, idx;

    if (elf_open(&ef, d, n) != 0)
        return 0;
    for (i = 0; i < ef.shnum && i < 64; i++) {
        if (elf_section_name(&ef, i, &nl) && elf_section_data(&ef, i, &p, &sz) == 0 && sz)
            (void)p[sz - 1];
    }
    elf_find_section(&ef, ".text", &idx);
    return 0;
}
