package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

import java.util.Map;

@Mitigation(id = "elf.stripped", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library", "kernel-module", "relocatable"},
        column = "Stripped", title = "Symbol table stripped",
        rationale = "Not a mitigation but an audit fact: a .symtab makes reverse engineering easier and "
                + "shows the build was not release-stripped. Dynamic symbols (.dynsym) are always kept.",
        gcc = "-s, or strip --strip-all / dh_strip", clang = "-s", msvc = "n/a (symbols live in the PDB)",
        checksec = "Symbols", value = "true: no .symtab section")
public final class ElfStripped implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        if (elf.type() == ElfImage.ET_CORE) return Verdict.notApplicable("core dump");
        boolean stripped = !elf.hasSymtab();
        return new Verdict(stripped, stripped, null, Map.of("symtab_entries", elf.staticSymbols().size()));
    }
}
