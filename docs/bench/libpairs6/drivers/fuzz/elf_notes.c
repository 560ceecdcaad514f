/* libFuzzer harness for elf_notes: the input is the ELF image. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct elf_note_info info;
    char hex[129];

    if (elf_read_notes(d, n, &info) > 0)
        elf_build_id_hex(&info, hex, sizeof(hex));
    return 0;
}
