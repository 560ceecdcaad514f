package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.pie", platforms = {"ELF, all architectures"}, kinds = {"executable"},
        column = "PIE", title = "Position-independent executable",
        rationale = "A position-independent executable is loaded at a random address (ASLR), so an attacker "
                + "cannot hard-code the addresses of its code and data (ROP gadgets, GOT, function pointers). "
                + "Decided from the header: ET_EXEC is fixed-address; ET_DYN with DF_1_PIE, or with an "
                + "interpreter and no SONAME, is a PIE. Shared libraries are always relocatable: not applicable.",
        gcc = "-fPIE -pie (default on Debian since gcc 6)", clang = "-fPIE -pie", msvc = "n/a (see pe.dynamicbase)",
        checksec = "PIE", binskim = "BA3001", value = "true: PIE; false: fixed-address ET_EXEC; null: library or object")
public final class ElfPie implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        if (elf.type() == ElfImage.ET_EXEC) return Verdict.present(false);
        if (elf.isPositionIndependentExecutable()) return Verdict.present(true);
        return Verdict.notApplicable("shared library: always position independent");
    }
}
