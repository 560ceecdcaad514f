package io.memsafe.harden.checks;

import io.memsafe.harden.pe.PeImage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Mitigation(id = "pe.driver_nx_pool", platforms = {"PE kernel driver"}, kinds = {"driver"},
        column = "NXPool", title = "Driver allocates non-executable pool",
        rationale = "ExAllocatePool and ExAllocatePoolWithTag(NonPagedPool) return executable non-paged memory, "
                + "a ready-made place for kernel shellcode; ExAllocatePool2/3 (or NonPagedPoolNx) do not. The "
                + "check lists which allocation routines the driver imports.",
        gcc = "call ExAllocatePool2 / use POOL_NX_OPTIN", clang = "same as gcc",
        msvc = "ExAllocatePool2 (Windows 10 2004+), or /DPOOL_NX_OPTIN=1 and ExInitializeDriverRuntime",
        value = "true: no legacy executable-pool allocator imported; null: not a driver")
public final class PeDriverNonExecutablePool implements PeCheck {
    static final Set<String> LEGACY = Set.of("ExAllocatePool", "ExAllocatePoolWithTag", "ExAllocatePoolWithQuota",
            "ExAllocatePoolWithQuotaTag", "ExAllocatePoolWithTagPriority");
    static final Set<String> MODERN = Set.of("ExAllocatePool2", "ExAllocatePool3");

    @Override
    public Verdict evaluate(PeImage pe) {
        if (!pe.isDriver()) return Verdict.notApplicable("not a kernel driver");
        Set<String> legacy = new TreeSet<>(), modern = new TreeSet<>();
        for (PeImage.Import i : pe.imports()) {
            if (LEGACY.contains(i.function())) legacy.add(i.function());
            if (MODERN.contains(i.function())) modern.add(i.function());
        }
        return new Verdict(legacy.isEmpty(), legacy.isEmpty(), null,
                Map.of("legacy_pool_routines", List.copyOf(legacy), "nx_pool_routines", List.copyOf(modern)));
    }
}
