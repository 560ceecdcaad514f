package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.LinkedHashMap;
import java.util.Map;

@Mitigation(id = "pe.aslr", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "ASLR", title = "ASLR in effect (composite)",
        rationale = "The separate header bits do not say whether the loader will actually randomise the image: "
                + "DYNAMICBASE needs base relocations (and RELOCS_STRIPPED clear) to move it, and on a 64-bit "
                + "image HIGH_ENTROPY_VA decides whether it gets 64-bit or 32-bit-grade entropy. This verdict "
                + "combines them the way winchecksec's ASLR does (DYNAMICBASE and relocations; a .NET assembly "
                + "counts, because the CLR loader maps it) and, on PE32+, also requires HIGH_ENTROPY_VA. The "
                + "details keep each part, so a reader can see which one is missing.",
        gcc = "-Wl,--dynamicbase,--high-entropy-va (MinGW binutils 2.36+ default)",
        clang = "-Wl,--dynamicbase,--high-entropy-va", msvc = "/DYNAMICBASE /HIGHENTROPYVA (defaults)",
        binskim = "BA2009, BA2015",
        value = "true: DYNAMICBASE with relocations (or .NET), plus HIGH_ENTROPY_VA on PE32+")
public final class PeAslr implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        boolean flag = pe.hasDllCharacteristic(PeImage.DLL_DYNAMIC_BASE);
        boolean relocatable = pe.relocatable();
        boolean randomised = pe.isDotNet() || (flag && relocatable);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dynamic_base", flag);
        details.put("relocations", relocatable);
        details.put("dotnet", pe.isDotNet());
        boolean ok = randomised;
        String reason = randomised ? null : !flag ? "DYNAMIC_BASE not set" : "no base relocations: the loader cannot move the image";
        if (pe.isPe32Plus()) {
            boolean highEntropy = pe.hasDllCharacteristic(PeImage.DLL_HIGH_ENTROPY_VA);
            details.put("high_entropy_va", highEntropy);
            if (ok && !highEntropy) reason = "64-bit image without HIGH_ENTROPY_VA: randomised within 32-bit-grade entropy only";
            ok = ok && highEntropy;
        }
        return new Verdict(ok, ok, reason, details);
    }
}
