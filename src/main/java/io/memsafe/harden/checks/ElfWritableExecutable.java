package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Mitigation(id = "elf.wx", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library", "kernel-module", "relocatable"},
        column = "W^X", title = "No writable and executable memory",
        rationale = "A segment (or, in objects and modules, a section) that is both writable and executable "
                + "gives an attacker a place to write code and run it, defeating NX. Checks PT_LOAD flags, "
                + "and section flags where there are no program headers.",
        gcc = "do not pass -Wl,--omagic/-N; avoid custom linker scripts with RWX sections",
        clang = "same as gcc", msvc = "n/a (see pe.wx_sections)", binskim = "BA2021 (PE analogue)",
        value = "true: a writable and executable segment or section exists (bad)")
public final class ElfWritableExecutable implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        if (elf.type() == ElfImage.ET_CORE) return Verdict.notApplicable("core dump");
        List<String> offenders = new ArrayList<>();
        if (elf.type() == ElfImage.ET_EXEC || elf.type() == ElfImage.ET_DYN) {
            int index = 0;
            for (ElfImage.ProgramHeader ph : elf.programHeaders()) {
                if (ph.type() == ElfImage.PT_LOAD && ph.writable() && ph.executable()) offenders.add("PT_LOAD[" + index + "]");
                index++;
            }
        } else {
            for (ElfImage.Section s : elf.sections()) {
                if ((s.flags() & ElfImage.SHF_ALLOC) != 0 && (s.flags() & ElfImage.SHF_WRITE) != 0
                        && (s.flags() & ElfImage.SHF_EXECINSTR) != 0) offenders.add(s.name());
            }
        }
        return new Verdict(!offenders.isEmpty(), offenders.isEmpty(), null, Map.of("writable_executable", offenders));
    }
}
