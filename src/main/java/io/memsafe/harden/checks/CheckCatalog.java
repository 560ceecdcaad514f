package io.memsafe.harden.checks;

import java.util.ArrayList;
import java.util.List;

/** Every check, in the column order of the text table. Adding a check means adding one line here. */
public final class CheckCatalog {
    private static final List<ElfCheck> ELF = List.of(
            new ElfRelro(), new ElfStackCanary(), new ElfNx(), new ElfPie(), new ElfRpath(), new ElfRunpath(),
            new ElfStripped(), new ElfFortifySource(), new ElfCetIndirectBranchTracking(), new ElfCetShadowStack(), new ElfBranchTargetIdentification(),
            new ElfStackClashProtection(), new ElfWritableExecutable(), new ElfTextRelocations(), new ElfSafeStack(),
            new ElfClangCfi(), new ElfModuleSignature(), new ElfModuleRetpoline());
    private static final List<PeCheck> PE = List.of(
            new PeDynamicBase(), new PeHighEntropyVa(), new PeAslr(), new PeImageBaseAbove4Gb(), new PeNxCompat(), new PeControlFlowGuard(), new PeSafeSeh(),
            new PeStackCookie(), new PeCetCompat(), new PeForceIntegrity(), new PeIsolation(), new PeNoSeh(),
            new PeWritableExecutableSections(), new PeSharedWritableSections(), new PeRelocationsStripped(),
            new PeAuthenticode(), new PeAuthenticodeTampered(), new PeDriverNonExecutablePool(), new PeReturnFlowGuard(),
            new PeDotNet());

    private CheckCatalog() {}

    public static List<ElfCheck> elf() { return ELF; }

    public static List<PeCheck> pe() { return PE; }

    public static List<Check> all() {
        List<Check> all = new ArrayList<>(ELF);
        all.addAll(PE);
        return all;
    }
}
