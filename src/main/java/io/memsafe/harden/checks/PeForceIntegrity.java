package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.force_integrity", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "Integrity", title = "Signature enforced at load (FORCE_INTEGRITY)",
        rationale = "FORCE_INTEGRITY makes the loader refuse the image unless its Authenticode signature "
                + "verifies, so a tampered binary does not run. Required for some kernel-mode and protected "
                + "processes; most user-mode software leaves it off.",
        gcc = "-Wl,--forceinteg", clang = "-Wl,--forceinteg (lld-link /INTEGRITYCHECK)", msvc = "/INTEGRITYCHECK",
        binskim = "BA2029", value = "true: FORCE_INTEGRITY set")
public final class PeForceIntegrity implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        return Verdict.present(pe.hasDllCharacteristic(PeImage.DLL_FORCE_INTEGRITY));
    }
}
