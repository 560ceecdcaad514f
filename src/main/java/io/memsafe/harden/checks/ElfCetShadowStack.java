package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.cet_shstk", platforms = {"ELF x86", "ELF x86-64"}, kinds = {"executable", "shared-library"},
        column = "SHSTK", title = "Intel CET shadow stack",
        rationale = "A hardware shadow stack keeps a second copy of return addresses, so an overwritten "
                + "return address faults instead of starting a ROP chain. Read from the "
                + "GNU_PROPERTY_X86_FEATURE_1_AND note (bit SHSTK); the linker drops it when any input lacks it.",
        gcc = "-fcf-protection=full (and -Wl,-z,shstk to force the note)", clang = "-fcf-protection=full",
        msvc = "n/a (see pe.cet_compat)", value = "true: SHSTK bit set; null: not x86")
public final class ElfCetShadowStack implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        if (!elf.isX86()) return Verdict.notApplicable("CET is x86 only");
        Long bits = elf.x86Features();
        return Verdict.present(bits != null && (bits & 2) != 0);
    }
}
