package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

/** Shared "does this check apply" answers, so every check words the not-applicable reasons alike. */
final class ElfApplicability {
    private ElfApplicability() {}

    /** Reason a check about the loaded process image does not apply, or null when it does. */
    static String notLoadable(ElfImage elf) {
        return switch (elf.type()) {
            case ElfImage.ET_EXEC, ElfImage.ET_DYN -> null;
            case ElfImage.ET_REL -> elf.isKernelModule()
                    ? "kernel modules are laid out by the kernel's module loader, not by program headers"
                    : "relocatable object: decided when it is linked";
            case ElfImage.ET_CORE -> "core dump";
            default -> "unknown ELF type " + elf.type();
        };
    }

    static boolean anySymbol(ElfImage elf, java.util.function.Predicate<String> name) {
        for (ElfImage.Symbol s : elf.dynamicSymbols()) if (name.test(s.name())) return true;
        for (ElfImage.Symbol s : elf.staticSymbols()) if (name.test(s.name())) return true;
        return false;
    }
}
