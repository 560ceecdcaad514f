package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.runpath", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "RUNPATH", title = "No insecure DT_RUNPATH",
        rationale = "DT_RUNPATH is searched after LD_LIBRARY_PATH; a relative, empty or world-writable entry "
                + "still lets a local attacker plant a library. Satisfied when absent or when every entry is "
                + "absolute and not world-writable, or $ORIGIN-relative.",
        gcc = "only absolute or $ORIGIN paths in -Wl,-rpath,... -Wl,--enable-new-dtags",
        clang = "only absolute or $ORIGIN paths in -Wl,-rpath", msvc = "n/a",
        checksec = "RUNPATH", value = "true: DT_RUNPATH present (details list relative and writable entries)")
public final class ElfRunpath implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        return ElfSearchPath.verdict(elf.runpath());
    }
}
