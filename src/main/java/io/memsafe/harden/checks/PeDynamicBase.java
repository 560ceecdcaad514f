package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

@Mitigation(id = "pe.dynamicbase", platforms = {"PE32", "PE32+"}, kinds = {"exe", "dll", "driver"},
        column = "DynBase", title = "ASLR (DYNAMICBASE)",
        rationale = "IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE lets Windows load the image at a random base, so "
                + "exploits cannot rely on fixed code addresses. Without relocations the loader cannot move "
                + "the image, so the check also needs a base relocation table and RELOCS_STRIPPED clear.",
        gcc = "-Wl,--dynamicbase (MinGW binutils 2.36+ default)", clang = "-Wl,--dynamicbase (lld-link /DYNAMICBASE)",
        msvc = "/DYNAMICBASE (default)", binskim = "BA2009", value = "true: DYNAMIC_BASE set and relocations present")
public final class PeDynamicBase implements PeCheck {
    @Override
    public Verdict evaluate(PeImage pe) {
        boolean flag = pe.hasDllCharacteristic(PeImage.DLL_DYNAMIC_BASE);
        boolean relocatable = pe.relocatable();
        Verdict v = new Verdict(flag && relocatable, flag && relocatable, null,
                java.util.Map.of("dynamic_base_flag", flag, "relocations", relocatable));
        return flag && !relocatable ? v.withReason("DYNAMIC_BASE is set but the image has no relocations") : v;
    }
}
