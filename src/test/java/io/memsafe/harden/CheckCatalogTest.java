package io.memsafe.harden;

import io.memsafe.harden.checks.Check;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.ElfCheck;
import io.memsafe.harden.checks.Mitigation;
import io.memsafe.harden.checks.PeCheck;
import io.memsafe.harden.policy.HardeningPolicy;
import io.memsafe.harden.report.CheckCatalogMarkdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue is the contract: unique stable ids, complete help text, documentation generated from it. */
class CheckCatalogTest {
    @Test
    void everyCheckDeclaresAUniqueIdAndCompleteHelp() {
        Set<String> ids = new HashSet<>();
        for (Check c : CheckCatalog.all()) {
            Mitigation m = c.mitigation();
            assertThat(ids.add(m.id())).as("duplicate id " + m.id()).isTrue();
            assertThat(m.id()).matches((c instanceof ElfCheck ? "elf" : "pe") + "\\.[a-z0-9_]+");
            assertThat(c instanceof ElfCheck || c instanceof PeCheck).isTrue();
            assertThat(m.rationale()).as(m.id()).hasSizeGreaterThan(80);
            assertThat(m.gcc()).as(m.id()).isNotBlank();
            assertThat(m.clang()).as(m.id()).isNotBlank();
            assertThat(m.msvc()).as(m.id()).isNotBlank();
            assertThat(m.value()).as(m.id()).isNotBlank();
            assertThat(c.getClass().getSimpleName()).startsWith(c instanceof ElfCheck ? "Elf" : "Pe");
            assertThat(m.platforms()).as(m.id()).isNotEmpty();
            assertThat(m.kinds()).as(m.id()).isNotEmpty()
                    .isSubsetOf(c instanceof ElfCheck ? HardeningPolicy.ELF_KINDS : HardeningPolicy.PE_KINDS);
        }
        assertThat(ids).contains("elf.pie", "elf.nx", "elf.canary", "elf.relro", "elf.fortify", "elf.rpath", "elf.runpath",
                "elf.stripped", "elf.cet_ibt", "elf.cet_shstk", "elf.stack_clash", "elf.wx", "elf.textrel",
                "elf.kmod_signed", "elf.kmod_retpoline", "pe.dynamicbase", "pe.high_entropy_va", "pe.nx_compat",
                "pe.force_integrity", "pe.isolation", "pe.guard_cf", "pe.safeseh", "pe.no_seh", "pe.gs", "pe.cet_compat",
                "pe.wx_sections", "pe.shared_sections", "pe.relocs_stripped", "pe.authenticode", "pe.driver_nx_pool");
    }

    @Test
    void documentationListsTheGeneratedCatalogue() throws Exception {
        Path doc = Path.of("docs/harden.md");
        assertThat(doc).exists();
        assertThat(Files.readString(doc)).as("regenerate with: memsafe harden --list-checks")
                .contains(CheckCatalogMarkdown.render());
    }

    @Test
    void defaultPolicyFollowsDebianAndSdl(@TempDir Path dir) throws Exception {
        HardeningPolicy p = HardeningPolicy.defaults();
        assertThat(p.required("elf", "executable")).contains("elf.pie", "elf.nx", "elf.canary", "elf.relro", "elf.fortify");
        assertThat(p.required("elf", "shared-library")).doesNotContain("elf.pie");
        assertThat(p.required("pe", "exe")).contains("pe.dynamicbase", "pe.high_entropy_va", "pe.nx_compat", "pe.safeseh", "pe.gs", "pe.guard_cf");
        assertThat(p.required("pe", "driver")).contains("pe.driver_nx_pool", "pe.authenticode");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "required:\n  pe:\n    exe: [elf.pie]\n");
        assertThatThrownBy(() -> HardeningPolicy.load(bad)).hasMessageContaining("not a pe check");
        Files.writeString(bad, "required:\n  elf:\n    firmware: []\n");
        assertThatThrownBy(() -> HardeningPolicy.load(bad)).hasMessageContaining("unknown kind 'firmware'");
        Files.writeString(bad, "required: [\n");
        assertThatThrownBy(() -> HardeningPolicy.load(bad)).hasMessageContaining("not valid YAML/JSON");
    }
}
