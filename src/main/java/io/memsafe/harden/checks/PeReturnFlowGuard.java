package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.Map;

@Mitigation(id = "pe.rfg", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "RFG", title = "Return Flow Guard",
        rationale = "Return Flow Guard kept a copy of each return address in a protected stack and compared it "
                + "before returning. Microsoft withdrew it before release (CET shadow stacks replace it), so no "
                + "current toolchain emits it, but it is still asked about. winchecksec's definition: the load "
                + "configuration holds GuardFlags and they carry RF_INSTRUMENTED (0x20000) together with "
                + "RF_ENABLE (0x40000) or RF_STRICT (0x80000). Not applicable to IL-only .NET assemblies.",
        gcc = "n/a", clang = "n/a", msvc = "n/a (withdrawn; was /guard:rf in preview toolsets)",
        value = "true: GuardFlags carry RF_INSTRUMENTED and RF_ENABLE or RF_STRICT")
public final class PeReturnFlowGuard implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (pe.isIlOnly()) return Verdict.notApplicable("IL-only .NET assembly: no native code");
        PeImage.LoadConfig config = pe.loadConfig();
        Long flags = config == null ? null : config.guardFlags();
        boolean rfg = flags != null && (flags & PeImage.GUARD_RF_INSTRUMENTED) != 0
                && (flags & (PeImage.GUARD_RF_ENABLE | PeImage.GUARD_RF_STRICT)) != 0;
        return new Verdict(rfg, rfg, flags == null ? "no load configuration GuardFlags" : null,
                Map.of("guard_flags", flags == null ? "absent" : String.format("0x%08x", flags)));
    }
}
