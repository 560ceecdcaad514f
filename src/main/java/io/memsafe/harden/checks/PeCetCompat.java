package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.cet_compat", platforms = {"PE x86", "PE x86-64"}, kinds = {"exe", "dll", "driver"},
        column = "CET", title = "CET shadow stack compatible (CETCOMPAT)",
        rationale = "CETCOMPAT (IMAGE_DLLCHARACTERISTICS_EX_CET_COMPAT in the debug directory's extended DLL "
                + "characteristics) lets Windows enforce hardware shadow stacks, so an overwritten return address "
                + "faults instead of starting a ROP chain. The linker switch applies to x86 and x64 and sets the "
                + "bit in both, so it is reported for both; Windows enforces shadow stacks for x64 processes, "
                + "which is why the built-in policy does not require it of x86 images. Not applicable to ARM "
                + "images (no CET).",
        gcc = "n/a (GNU ld cannot set it)", clang = "lld-link /CETCOMPAT", msvc = "/CETCOMPAT",
        binskim = "BA2025", value = "true: CET_COMPAT bit set; null: not an x86 or x86-64 image")
public final class PeCetCompat implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (pe.machine() != PeImage.MACHINE_AMD64 && pe.machine() != PeImage.MACHINE_I386) {
            return Verdict.notApplicable("CET is an x86 feature; this is a " + pe.machineName() + " image");
        }
        Long ex = pe.exDllCharacteristics();
        Verdict v = Verdict.present(ex != null && (ex & PeImage.EX_DLL_CET_COMPAT) != 0);
        return pe.machine() == PeImage.MACHINE_I386 ? v.withReason("x86 image: the bit is recorded, Windows enforces shadow stacks for x64 processes") : v;
    }
}
