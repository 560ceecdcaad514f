package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.high_entropy_va", platforms = {"PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "HiEntropy", title = "64-bit ASLR (HIGH_ENTROPY_VA)",
        rationale = "HIGH_ENTROPY_VA lets a 64-bit image use the full 64-bit address space for ASLR, making "
                + "brute-forcing or spraying the base address impractical. Only meaningful for PE32+; GNU ld's "
                + "--disable-dynamicbase clears it too, so the header is read, not the flags.",
        gcc = "-Wl,--high-entropy-va (MinGW default with --dynamicbase)", clang = "-Wl,--high-entropy-va",
        msvc = "/HIGHENTROPYVA (default for 64-bit)", binskim = "BA2015",
        value = "true: flag set on a PE32+ image; null: PE32")
public final class PeHighEntropyVa implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (!pe.isPe32Plus()) return Verdict.notApplicable("PE32 image: 32-bit address space");
        return Verdict.present(pe.hasDllCharacteristic(PeImage.DLL_HIGH_ENTROPY_VA));
    }
}
