package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Mitigation(id = "pe.dotnet", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = ".NET", title = ".NET assembly (CLR header)",
        rationale = "A PE with a CLR header (data directory 14, IMAGE_COR20_HEADER) is a .NET assembly. An "
                + "IL-only assembly holds no native code: the JIT compiles it and the CLR enforces type and "
                + "memory safety, so the compiler mitigations (GS, SafeSEH, CFG, RFG) do not describe it and "
                + "say null (BinSkim excludes IL-only images from them too); the loader-level ones (ASLR, "
                + "HIGH_ENTROPY_VA, NX, signature, sections) still apply. A mixed-mode (C++/CLI) assembly "
                + "has native code, so every check applies. Informational: never required.",
        gcc = "n/a", clang = "n/a", msvc = "csc / dotnet build (IL only); cl /clr (mixed mode)",
        value = "true: CLR header present (details: il_only, native_checks); false: native image")
public final class PeDotNet implements PeCheck {
    /** Checks that read compiler output and so say nothing about an IL-only assembly. */
    static final List<String> NATIVE_CODE_CHECKS = List.of("pe.gs", "pe.safeseh", "pe.guard_cf", "pe.rfg");

    @Override
    public Verdict evaluate(PeImage pe) {
        if (!pe.isDotNet()) return new Verdict(false, null, null, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("il_only", pe.isIlOnly());
        details.put("clr_flags", pe.clrFlags() == null ? "unreadable" : String.format("0x%08x", pe.clrFlags()));
        details.put("native_checks_not_applicable", pe.isIlOnly() ? NATIVE_CODE_CHECKS : List.of());
        return new Verdict(true, null, pe.isIlOnly() ? "IL-only assembly: native-code checks do not apply"
                : "mixed-mode assembly: it holds native code, every check applies", details);
    }
}
