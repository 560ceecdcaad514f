package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.kmod_signed", platforms = {"ELF Linux kernel module, all architectures"}, kinds = {"kernel-module"},
        column = "Signed", title = "Kernel module signature appended",
        rationale = "With CONFIG_MODULE_SIG_FORCE (or lockdown) the kernel loads only modules signed by a "
                + "trusted key, which stops an attacker with root from loading a rootkit module. Seen as the "
                + "'~Module signature appended~' trailer; the signature itself is verified by the kernel.",
        gcc = "scripts/sign-file (make modules_sign / CONFIG_MODULE_SIG_ALL)", clang = "same as gcc",
        msvc = "n/a (see pe.authenticode)", value = "true: signature trailer present; null: not a kernel module")
public final class ElfModuleSignature implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        if (!elf.isKernelModule()) return Verdict.notApplicable("not a kernel module");
        return Verdict.present(elf.hasModuleSignature());
    }
}
