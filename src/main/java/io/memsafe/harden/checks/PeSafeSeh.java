package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.Map;

@Mitigation(id = "pe.safeseh", platforms = {"PE x86"}, kinds = {"exe", "dll", "driver"},
        column = "SafeSEH", title = "SafeSEH handler table (x86)",
        rationale = "On x86, exception handlers live on the stack; an overflow can overwrite one and redirect "
                + "execution (SEH overwrite). With a SafeSEH table the OS only dispatches to registered handlers. "
                + "Read from the load configuration's SEHandlerTable/SEHandlerCount; an image marked NO_SEH has "
                + "no handlers to abuse and passes. Not applicable to x64/ARM64, whose exception handling is table based.",
        gcc = "n/a (GNU ld cannot emit SafeSEH tables; -Wl,--no-seh if the code uses no SEH)",
        clang = "lld-link /SAFESEH (clang-cl)", msvc = "/SAFESEH",
        binskim = "BA2018", value = "true: handler table registered or NO_SEH; null: not x86")
public final class PeSafeSeh implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (pe.machine() != PeImage.MACHINE_I386) return Verdict.notApplicable("SafeSEH exists only for x86 images");
        if (pe.isIlOnly()) return Verdict.notApplicable("IL-only .NET assembly: no native exception handlers");
        if (pe.hasDllCharacteristic(PeImage.DLL_NO_SEH)) return Verdict.present(true).withReason("NO_SEH: the image has no handlers");
        PeImage.LoadConfig config = pe.loadConfig();
        Long table = config == null ? null : config.seHandlerTable();
        Long count = config == null ? null : config.seHandlerCount();
        boolean ok = table != null && count != null && table != 0 && count != 0;
        return new Verdict(ok, ok, config == null ? "no load configuration" : null,
                Map.of("handler_count", count == null ? 0 : count));
    }
}
