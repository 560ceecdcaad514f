package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.cet_compat", platforms = {"PE x86-64"}, kinds = {"exe", "dll", "driver"},
        column = "CET", title = "CET shadow stack compatible (CETCOMPAT)",
        rationale = "CETCOMPAT (IMAGE_DLLCHARACTERISTICS_EX_CET_COMPAT in the debug directory's extended DLL "
                + "characteristics) lets Windows enforce hardware shadow stacks, so an overwritten return address "
                + "faults instead of starting a ROP chain. x86-64 only.",
        gcc = "n/a (GNU ld cannot set it)", clang = "lld-link /CETCOMPAT", msvc = "/CETCOMPAT",
        binskim = "BA2025", value = "true: CET_COMPAT bit set; null: not x86-64")
public final class PeCetCompat implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (pe.machine() != PeImage.MACHINE_AMD64) return Verdict.notApplicable("shadow stacks are enforced for x64 images only");
        Long ex = pe.exDllCharacteristics();
        return Verdict.present(ex != null && (ex & PeImage.EX_DLL_CET_COMPAT) != 0);
    }
}
