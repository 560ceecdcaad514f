package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.safestack", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "SafeStack", title = "Clang SafeStack",
        rationale = "SafeStack moves address-taken locals to a separate unsafe stack, so overflowing them "
                + "cannot reach return addresses. Seen as the __safestack_init runtime symbol.",
        gcc = "n/a", clang = "-fsanitize=safe-stack", msvc = "n/a",
        checksec = "SafeStack (extended)", binskim = "BA3031", value = "true: SafeStack runtime present")
public final class ElfSafeStack implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        return Verdict.present(ElfApplicability.anySymbol(elf, "__safestack_init"::equals));
    }
}
