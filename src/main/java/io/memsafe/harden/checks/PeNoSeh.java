package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.no_seh", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "NoSEH", title = "No structured exception handlers (NO_SEH)",
        rationale = "NO_SEH declares that the image installs no SEH handlers, so on x86 no handler in it can be "
                + "used as an SEH-overwrite target; on x64 exception handling is table-based and this is informational.",
        gcc = "-Wl,--no-seh", clang = "-Wl,--no-seh", msvc = "/SAFESEH:NO with no handlers (set by the linker)",
        value = "true: NO_SEH set (informational)")
public final class PeNoSeh implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        return Verdict.present(pe.hasDllCharacteristic(PeImage.DLL_NO_SEH));
    }
}
