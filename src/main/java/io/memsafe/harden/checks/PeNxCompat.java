package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.nx_compat", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "NX", title = "DEP (NX_COMPAT)",
        rationale = "NX_COMPAT opts the process into Data Execution Prevention, so injected data (stack, heap) "
                + "cannot be executed. 64-bit processes always run with DEP, but the flag is still expected by "
                + "the SDL and by tools.",
        gcc = "-Wl,--nxcompat (MinGW binutils 2.36+ default)", clang = "-Wl,--nxcompat",
        msvc = "/NXCOMPAT (default)", binskim = "BA2016", value = "true: NX_COMPAT set")
public final class PeNxCompat implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        return Verdict.present(pe.hasDllCharacteristic(PeImage.DLL_NX_COMPAT));
    }
}
