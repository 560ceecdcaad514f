package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

/** A check over an ELF file. It decides applicability first and returns {@link Verdict#notApplicable} then. */
public interface ElfCheck extends Check {
    Verdict evaluate(ElfImage elf);
}
