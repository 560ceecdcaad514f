package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.LinkedHashMap;
import java.util.Map;

@Mitigation(id = "pe.guard_cf", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "CFG", title = "Control Flow Guard",
        rationale = "CFG checks every indirect call against a bitmap of valid call targets, so a corrupted "
                + "function pointer or vtable cannot send execution into the middle of a function or to a "
                + "gadget. Needs the GUARD_CF DLL characteristic and the load configuration's GuardFlags "
                + "CF_INSTRUMENTED with a check-function pointer; CFG only works with ASLR.",
        gcc = "n/a (MinGW gcc has no CFG; mingw-w64 clang: -mguard=cf)", clang = "clang-cl /guard:cf, or -mguard=cf",
        msvc = "/guard:cf (compiler and linker)", binskim = "BA2008",
        value = "true: GUARD_CF set and load config instrumented; details carry GuardFlags")
public final class PeControlFlowGuard implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        if (pe.isIlOnly()) return Verdict.notApplicable("IL-only .NET assembly: the CLR enforces type safety");
        boolean flag = pe.hasDllCharacteristic(PeImage.DLL_GUARD_CF);
        PeImage.LoadConfig config = pe.loadConfig();
        Long guardFlags = config == null ? null : config.guardFlags();
        Long checkPointer = config == null ? null : config.guardCheckFunctionPointer();
        boolean instrumented = guardFlags != null && (guardFlags & PeImage.GUARD_CF_INSTRUMENTED) != 0;
        boolean ok = flag && instrumented && checkPointer != null && checkPointer != 0
                && pe.hasDllCharacteristic(PeImage.DLL_DYNAMIC_BASE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("guard_cf_flag", flag);
        details.put("guard_flags", guardFlags == null ? null : String.format("0x%08x", guardFlags));
        return new Verdict(ok, ok, null, details);
    }
}
