package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.relocs_stripped", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "NoRelocs", title = "Relocations not stripped",
        rationale = "Without base relocations (IMAGE_FILE_RELOCS_STRIPPED or no .reloc data) the loader cannot "
                + "rebase the image, so ASLR silently does not apply even when DYNAMICBASE is set.",
        gcc = "do not pass -Wl,--disable-reloc-section / -s on old binutils", clang = "same as gcc",
        msvc = "/FIXED:NO (default for DLLs; /DYNAMICBASE implies it)", binskim = "BA2009",
        value = "true: relocations stripped (bad)")
public final class PeRelocationsStripped implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        boolean stripped = !pe.relocatable();
        return new Verdict(stripped, !stripped, null, null);
    }
}
