package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Mitigation(id = "elf.clang_cfi", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "CFI", title = "Clang control-flow integrity (-fsanitize=cfi)",
        rationale = "Clang CFI checks every indirect call (and virtual call, cast) against the set of functions "
                + "of the right type, so a corrupted function pointer or vtable cannot reach an arbitrary "
                + "function. With LTO, clang renames each checked function to NAME.cfi and routes calls "
                + "through a jump table (symbols NAME.cfi, .cfi.jumptable); cross-DSO CFI adds the runtime "
                + "entry points __cfi_check and __cfi_slowpath. Seen as those symbols (checksec's definition). "
                + "A stripped single-module CFI binary keeps none of them, so a stripped binary that shows "
                + "none says false with that reason rather than a confident no.",
        gcc = "n/a", clang = "-flto -fvisibility=hidden -fsanitize=cfi (cross-DSO: -fsanitize-cfi-cross-dso)",
        msvc = "n/a (see pe.guard_cf)", checksec = "Clang CFI", value = "true: CFI jump-table or runtime symbols present")
public final class ElfClangCfi implements ElfCheck {
    private static final Set<String> RUNTIME = Set.of("__cfi_check", "__cfi_slowpath", "__cfi_slowpath_diag", "__cfi_check_fail");

    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        List<String> evidence = new ArrayList<>();
        int jumpTableSymbols = 0;
        for (List<ElfImage.Symbol> table : List.of(elf.dynamicSymbols(), elf.staticSymbols())) {
            for (ElfImage.Symbol s : table) {
                if (RUNTIME.contains(s.name()) && !evidence.contains(s.name())) evidence.add(s.name());
                else if (s.defined() && (s.name().endsWith(".cfi") || s.name().startsWith(".cfi.jumptable"))) jumpTableSymbols++;
            }
        }
        boolean cfi = jumpTableSymbols > 0 || !evidence.isEmpty();
        Verdict v = new Verdict(cfi, cfi, null, Map.of("cfi_symbols", jumpTableSymbols, "runtime_symbols", List.copyOf(evidence)));
        return !cfi && !elf.hasSymtab() ? v.withReason("no .symtab: single-module CFI leaves no symbol in a stripped binary") : v;
    }
}
