package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.cet_ibt", platforms = {"ELF x86", "ELF x86-64"}, kinds = {"executable", "shared-library"},
        column = "IBT", title = "Intel CET indirect branch tracking",
        rationale = "With IBT, indirect calls and jumps must land on an ENDBR instruction, which cuts most "
                + "JOP/COP gadgets. Read from the GNU_PROPERTY_X86_FEATURE_1_AND note (bit IBT). The linker "
                + "ANDs the property over all inputs, so one object without it (e.g. Debian 12's crt files) "
                + "drops it: -fcf-protection alone may leave no note; read the header, not the flags.",
        gcc = "-fcf-protection=full (and -Wl,-z,ibt to force the note)", clang = "-fcf-protection=full",
        msvc = "n/a (see pe.cet_compat / pe.guard_cf)", value = "true: IBT bit set; null: not x86")
public final class ElfCetIndirectBranchTracking implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        if (!elf.isX86()) return Verdict.notApplicable("CET is x86 only");
        Long bits = elf.x86Features();
        return Verdict.present(bits != null && (bits & 1) != 0);
    }
}
