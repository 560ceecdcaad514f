package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.isolation", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll"},
        column = "Isolation", title = "Isolation allowed (NO_ISOLATION clear)",
        rationale = "NO_ISOLATION tells the loader not to look for a side-by-side manifest, which disables "
                + "SxS isolation and can let a planted DLL be loaded instead of the intended assembly version.",
        gcc = "default; do not pass -Wl,--no-isolation", clang = "default", msvc = "default; do not pass /ALLOWISOLATION:NO",
        value = "true: NO_ISOLATION clear")
public final class PeIsolation implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        return Verdict.present(!pe.hasDllCharacteristic(PeImage.DLL_NO_ISOLATION));
    }
}
