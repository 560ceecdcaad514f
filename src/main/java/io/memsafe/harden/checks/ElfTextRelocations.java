package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

@Mitigation(id = "elf.textrel", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "TEXTREL", title = "No text relocations",
        rationale = "Text relocations make the loader patch code pages, which must then be writable at run "
                + "time (and are unshareable); SELinux forbids them (execmod). Usually non-PIC code linked "
                + "into a shared object or PIE. Seen as DT_TEXTREL or DF_TEXTREL.",
        gcc = "compile every object of a PIE/shared library with -fPIC/-fPIE", clang = "-fPIC / -fPIE",
        msvc = "n/a", value = "true: text relocations present (bad)")
public final class ElfTextRelocations implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        Long flags = elf.dynamicValue(ElfImage.DT_FLAGS);
        boolean textrel = elf.hasDynamicTag(ElfImage.DT_TEXTREL) || (flags != null && (flags & ElfImage.DF_TEXTREL) != 0);
        return new Verdict(textrel, !textrel, null, null);
    }
}
