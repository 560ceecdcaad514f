package io.memsafe.harden.checks;

import io.memsafe.harden.elf.ElfImage;

import java.util.Map;

@Mitigation(id = "elf.relro", platforms = {"ELF, all architectures"}, kinds = {"executable", "shared-library"},
        column = "RELRO", title = "Read-only relocations (RELRO)",
        rationale = "After relocation the dynamic loader remaps the PT_GNU_RELRO region (GOT, .dynamic, "
                + ".init_array) read-only, so a memory-corruption bug cannot overwrite those pointers. Partial "
                + "RELRO leaves the lazily bound .got.plt writable; full RELRO (with BIND_NOW) resolves all "
                + "symbols at start-up and protects the whole GOT. Without PT_GNU_RELRO, BIND_NOW alone protects "
                + "nothing, so it counts as none.",
        gcc = "-Wl,-z,relro,-z,now", clang = "-Wl,-z,relro,-z,now", msvc = "n/a",
        checksec = "RELRO", binskim = "BA3010, BA3011",
        value = "\"none\", \"partial\" (PT_GNU_RELRO) or \"full\" (PT_GNU_RELRO and BIND_NOW); satisfied only by full")
public final class ElfRelro implements ElfCheck {
    @Override
    public Verdict evaluate(ElfImage elf) {
        String notLoadable = ElfApplicability.notLoadable(elf);
        if (notLoadable != null) return Verdict.notApplicable(notLoadable);
        boolean relro = elf.programHeader(ElfImage.PT_GNU_RELRO) != null;
        boolean now = elf.hasBindNow();
        String level = !relro ? "none" : now ? "full" : "partial";
        return new Verdict(level, relro && now, null, Map.of("gnu_relro", relro, "bind_now", now));
    }
}
