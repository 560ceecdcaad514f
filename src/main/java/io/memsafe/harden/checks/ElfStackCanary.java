package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.canary", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library", "kernel-module", "relocatable"},
        column = "Canary", title = "Stack protector (canary)",
        rationale = "A random canary between local buffers and the return address is checked before return, "
                + "so a linear stack buffer overflow aborts the program instead of hijacking control flow. "
                + "Seen as a reference to __stack_chk_fail, __stack_chk_guard or __intel_security_cookie "
                + "(defined or imported); which functions are covered needs DWARF or disassembly.",
        gcc = "-fstack-protector-strong", clang = "-fstack-protector-strong", msvc = "n/a (see pe.gs)",
        checksec = "Canary", binskim = "BA3003", value = "true: stack protector symbols referenced")
public final class ElfStackCanary implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        if (elf.type() == ElfImage.ET_CORE) return Verdict.notApplicable("core dump");
        return Verdict.present(ElfApplicability.anySymbol(elf, n -> n.startsWith("__stack_chk_fail")
                || n.startsWith("__stack_chk_guard") || n.startsWith("__intel_security_cookie")));
    }
}
