package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.kmod_retpoline", platforms = {"ELF Linux kernel module x86/x86-64"}, kinds = {"kernel-module"},
        column = "Retpoline", title = "Kernel module built with retpolines",
        rationale = "Retpolines replace indirect branches so Spectre v2 (branch target injection) cannot steer "
                + "speculative execution in the kernel; modpost records 'retpoline=Y' in .modinfo and the kernel "
                + "warns about (and taints for) modules without it.",
        gcc = "CONFIG_MITIGATION_RETPOLINE (-mindirect-branch=thunk-extern)", clang = "-mretpoline-external-thunk",
        msvc = "n/a", value = "true: retpoline=Y in .modinfo; null: not an x86 kernel module")
public final class ElfModuleRetpoline implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        if (!elf.isKernelModule()) return Verdict.notApplicable("not a kernel module");
        if (!elf.isX86()) return Verdict.notApplicable("retpolines are an x86 mitigation");
        return Verdict.present("Y".equals(elf.modinfo().get("retpoline")));
    }
}
