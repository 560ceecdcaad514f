package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.nx", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "NX", title = "Non-executable stack",
        rationale = "With a non-executable stack, shellcode written into a stack buffer cannot run; the "
                + "attacker must fall back to code reuse. The kernel maps the stack executable when "
                + "PT_GNU_STACK is missing or has PF_X (and, for a library, the whole process when it is loaded).",
        gcc = "default; do not pass -z execstack, and mark assembly files with .note.GNU-stack",
        clang = "default; do not pass -z execstack", msvc = "n/a (see pe.nx_compat)",
        checksec = "NX", binskim = "BA3002, BA3006", value = "true: PT_GNU_STACK present without PF_X")
public final class ElfNx implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        ElfImage.ProgramHeader stack = elf.programHeader(ElfImage.PT_GNU_STACK);
        if (stack == null) return Verdict.present(false).withReason("no PT_GNU_STACK: the kernel defaults to an executable stack");
        return Verdict.present(!stack.executable());
    }
}
