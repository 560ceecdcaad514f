package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.rpath", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "RPATH", title = "No insecure DT_RPATH",
        rationale = "DT_RPATH is searched before LD_LIBRARY_PATH and cannot be overridden; a relative, empty "
                + "or world-writable entry lets anyone who can write there inject a library into the process. "
                + "Satisfied when there is no RPATH or all its entries are absolute, non-writable or $ORIGIN.",
        gcc = "avoid -Wl,-rpath; prefer -Wl,--enable-new-dtags (RUNPATH) with absolute or $ORIGIN paths",
        clang = "avoid -Wl,-rpath", msvc = "n/a",
        checksec = "RPATH", value = "true: DT_RPATH present (details list relative and writable entries)")
public final class ElfRpath implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        return ElfSearchPath.verdict(elf.rpath());
    }
}
