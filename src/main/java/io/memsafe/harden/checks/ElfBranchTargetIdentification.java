package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

import java.util.Map;

@Mitigation(id = "elf.aarch64_bti", platforms = {"ELF AArch64"}, kinds = {"executable", "shared-library", "kernel-module", "relocatable"},
        column = "BTI", title = "AArch64 branch target identification and pointer authentication",
        rationale = "On AArch64, BTI makes indirect branches fault unless they land on a BTI landing pad (the ARM "
                + "counterpart of CET IBT), and PAC signs return addresses so an overwritten one fails "
                + "authentication. Read from GNU_PROPERTY_AARCH64_FEATURE_1_AND (BTI=1, PAC=2); like the x86 "
                + "property, the linker drops it when any input object lacks it. The value is BTI; details carry PAC.",
        gcc = "-mbranch-protection=standard", clang = "-mbranch-protection=standard", msvc = "n/a (/guard:signret on ARM64)",
        value = "true: BTI bit set; null: not AArch64")
public final class ElfBranchTargetIdentification implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        if (elf.type() == ElfImage.ET_CORE) return Verdict.notApplicable("core dump");
        if (elf.machine() != ElfImage.EM_AARCH64) return Verdict.notApplicable("BTI/PAC are AArch64 features");
        Long bits = elf.aarch64Features();
        boolean bti = bits != null && (bits & 1) != 0;
        boolean pac = bits != null && (bits & 2) != 0;
        return new Verdict(bti, bti, null, Map.of("bti", bti, "pac", pac));
    }
}
