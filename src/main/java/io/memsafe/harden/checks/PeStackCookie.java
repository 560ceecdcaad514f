package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.Map;

@Mitigation(id = "pe.gs", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "GS", title = "Stack cookie (/GS)",
        rationale = "A per-process random cookie below the return address is checked before return, so a "
                + "linear stack overflow aborts instead of taking control. MSVC records the cookie's address "
                + "in the load configuration (SecurityCookie); MinGW's -fstack-protector uses libssp's "
                + "__stack_chk_fail/__stack_chk_guard, seen in imports or the COFF symbol table. Which "
                + "functions are covered needs the PDB.",
        gcc = "-fstack-protector-strong (MinGW, links libssp)", clang = "-fstack-protector-strong; clang-cl /GS",
        msvc = "/GS (default)", binskim = "BA2011, BA2012", value = "true: load-config SecurityCookie or stack protector symbols")
public final class PeStackCookie implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (pe.isIlOnly()) return Verdict.notApplicable("IL-only .NET assembly: no native code");
        PeImage.LoadConfig config = pe.loadConfig();
        boolean cookie = config != null && config.securityCookie() != null && config.securityCookie() != 0;
        boolean ssp = pe.imports("__stack_chk_fail") || pe.imports("__stack_chk_guard")
                || pe.coffSymbols().contains("__stack_chk_fail") || pe.coffSymbols().contains("___stack_chk_fail")
                || pe.coffSymbols().contains("__stack_chk_guard") || pe.coffSymbols().contains("___stack_chk_guard");
        return new Verdict(cookie || ssp, cookie || ssp, null, Map.of("security_cookie", cookie, "stack_protector_symbols", ssp));
    }
}
