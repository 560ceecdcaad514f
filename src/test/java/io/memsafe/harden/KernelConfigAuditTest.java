package io.memsafe.harden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.Main;
import io.memsafe.harden.checks.Verdict;
import io.memsafe.harden.kernel.KernelCheck;
import io.memsafe.harden.kernel.KernelCheckCatalog;
import io.memsafe.harden.kernel.KernelConfig;
import io.memsafe.harden.kernel.KernelConfigAudit;
import io.memsafe.harden.policy.HardeningPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code harden --kernel-config}: hand-written configurations, each option deciding one check. */
class KernelConfigAuditTest {
    @TempDir
    Path dir;
    final KernelConfigAudit audit = new KernelConfigAudit(HardeningPolicy.defaults());

    static byte[] resource(String name) throws Exception {
        try (InputStream in = KernelConfigAuditTest.class.getResourceAsStream("/harden/kernel/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, resource(name));
        return p;
    }

    KernelConfigAudit.Report audit(String name) throws Exception {
        return audit.audit(name, KernelConfig.parse(resource(name)), null);
    }

    @Test
    void hardenedX86ConfigurationMeetsThePolicy() throws Exception {
        KernelConfigAudit.Report r = audit("x86_64-hardened.config");
        assertThat(r.architecture()).isEqualTo("x86_64");
        assertThat(r.kernelVersion()).isEqualTo("6.12.43");
        Map<String, Verdict> v = r.verdicts();
        for (String id : List.of("kernel.stackprotector_strong", "kernel.strict_kernel_rwx", "kernel.fortify_source",
                "kernel.hardened_usercopy", "kernel.init_on_alloc", "kernel.slab_freelist_hardened", "kernel.randomize_base",
                "kernel.ubsan_bounds", "kernel.slab_merge_default_off", "kernel.mmap_min_addr", "kernel.rust")) {
            assertThat(v.get(id).value()).as(id).isEqualTo(true);
        }
        // Unconditional since a version the header names: met by the version, said so.
        assertThat(v.get("kernel.refcount_full").value()).isEqualTo(true);
        assertThat(v.get("kernel.refcount_full").reason()).isEqualTo("met by kernel 6.12.43 >= 5.4.208");
        assertThat(v.get("kernel.x86_smap").value()).isEqualTo(true);
        // gcc's bounds sanitizer covers local arrays: the gcc alternative.
        assertThat(v.get("kernel.ubsan_local_bounds").value()).isEqualTo(true);
        // Absent means "is not set" for a check that wants an option off.
        assertThat(v.get("kernel.hardened_usercopy_fallback_off").value()).isEqualTo(true);
        assertThat(v.get("kernel.ubsan_trap").value()).isEqualTo(false);
        assertThat(v.get("kernel.cfi_clang").value()).isEqualTo(false);
        assertThat(v.get("kernel.x86_kernel_ibt").details()).containsEntry("option", "CONFIG_X86_KERNEL_IBT")
                .containsEntry("expected", "y").containsEntry("actual", "not found");
        // Other architectures' checks do not apply.
        assertThat(v.get("kernel.shadow_call_stack").value()).isNull();
        assertThat(v.get("kernel.stackprotector_per_task").value()).isNull();
        assertThat(r.missing()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void weakArm64ConfigurationMissesRequiredOptions() throws Exception {
        KernelConfigAudit.Report r = audit("arm64-weak.config");
        assertThat(r.architecture()).isEqualTo("arm64");
        Map<String, Verdict> v = r.verdicts();
        // The pre-4.18 option name is an alternative.
        assertThat(v.get("kernel.stackprotector_strong").value()).isEqualTo(true);
        assertThat(v.get("kernel.stackprotector_strong").reason()).isEqualTo("met by CONFIG_CC_STACKPROTECTOR_STRONG=y");
        assertThat(v.get("kernel.strict_kernel_rwx").reason()).isEqualTo("CONFIG_STRICT_KERNEL_RWX is not set");
        assertThat(v.get("kernel.strict_module_rwx").value()).as("modules without STRICT_MODULE_RWX").isEqualTo(false);
        assertThat(v.get("kernel.refcount_full").value()).as("4.19 predates unconditional refcount_t").isEqualTo(false);
        // =m is not =y.
        assertThat(v.get("kernel.hardened_usercopy").value()).isEqualTo(false);
        assertThat(v.get("kernel.hardened_usercopy").details()).containsEntry("actual", "m");
        assertThat(v.get("kernel.hardened_usercopy_fallback_off").reason())
                .isEqualTo("needs CONFIG_HARDENED_USERCOPY=y: CONFIG_HARDENED_USERCOPY=m");
        assertThat(v.get("kernel.cfi_clang").value()).isEqualTo(true);
        assertThat(v.get("kernel.cfi_permissive_off").value()).isEqualTo(false);
        assertThat(v.get("kernel.shadow_call_stack").value()).isEqualTo(true);
        // arm64 needs COMPAT off for a 64 KB minimum (its Kconfig caps it at 32 KB otherwise).
        assertThat(v.get("kernel.mmap_min_addr").value()).isEqualTo(false);
        assertThat(v.get("kernel.mmap_min_addr").reason()).isEqualTo("needs CONFIG_COMPAT is not set: CONFIG_COMPAT=y");
        assertThat(v.get("kernel.x86_smap").value()).isNull();
        assertThat(r.missing()).contains("kernel.strict_kernel_rwx", "kernel.strict_module_rwx", "kernel.refcount_full",
                "kernel.hardened_usercopy", "kernel.fortify_source").doesNotContain("kernel.cfi_permissive_off", "kernel.rust");
    }

    @Test
    void damagedLinesAreWarningsAndTheLastValueCounts() throws Exception {
        KernelConfigAudit.Report r = audit("damaged.config");
        assertThat(r.verdicts().get("kernel.stackprotector_strong").value()).isEqualTo(false);
        assertThat(r.warnings()).containsExactly("line 4: not a Kconfig option: this line is not Kconfig output",
                "line 5: CONFIG_STACKPROTECTOR_STRONG given more than once; the last value counts",
                "line 6: not a Kconfig option: CONFIG_FORTIFY_SOURCE");
    }

    @Test
    void notAConfigurationIsAnErrorNotACrash() {
        assertThatThrownBy(() -> KernelConfig.parse(new byte[0])).hasMessageContaining("no CONFIG_ options");
        assertThatThrownBy(() -> KernelConfig.parse(new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2})).hasMessageContaining("no CONFIG_ options");
        assertThatThrownBy(() -> KernelConfig.parse(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1})).hasMessageContaining("damaged gzip");
        assertThatThrownBy(() -> audit.audit("none", KernelConfig.parse("CONFIG_FOO=y\n".getBytes(StandardCharsets.US_ASCII)), null))
                .hasMessageContaining("no architecture selected");
        assertThatThrownBy(() -> audit.audit("two", KernelConfig.parse("CONFIG_X86_64=y\nCONFIG_ARM64=y\n".getBytes(StandardCharsets.US_ASCII)), null))
                .hasMessageContaining("more than one architecture");
    }

    /** /proc/config.gz is gzip-compressed; built here from the plain fixture. */
    @Test
    void gzipConfigurationAsInProc() throws Exception {
        Path gz = dir.resolve("config.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(resource("x86_64-hardened.config"));
        }
        KernelConfigAudit.Report plain = audit("x86_64-hardened.config");
        KernelConfigAudit.Report compressed = audit.audit("x86_64-hardened.config", KernelConfig.read(gz), null);
        assertThat(compressed.verdicts()).isEqualTo(plain.verdicts());
        assertThat(compressed.kernelVersion()).isEqualTo("6.12.43");
    }

    @Test
    void commandLineFormatsExitStatusAndArchitectureOverride() throws Exception {
        Path hardened = copy("x86_64-hardened.config"), weak = copy("arm64-weak.config");
        Path text = dir.resolve("out.txt"), json = dir.resolve("out.json"), sarif = dir.resolve("out.sarif");
        assertThat(Main.run("harden", "--kernel-config", hardened.toString(), "-o", text.toString())).isEqualTo(0);
        assertThat(Files.readString(text)).contains("Linux 6.12.43, x86_64").contains("kernel.fortify_source")
                .contains("meets the policy").doesNotContain("kernel.shadow_call_stack");

        assertThat(Main.run("harden", "--kernel-config", weak.toString(), "--format", "json", "-o", json.toString())).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(json.toFile()).get("kernel_config");
        assertThat(root.get("architecture").asText()).isEqualTo("arm64");
        assertThat(root.at("/checks/kernel.strict_kernel_rwx").asBoolean()).isFalse();
        assertThat(root.at("/checks/kernel.x86_smap").isNull()).isTrue();
        assertThat(root.at("/details/kernel.hardened_usercopy/actual").asText()).isEqualTo("m");
        assertThat(root.get("missing").toString()).contains("kernel.strict_kernel_rwx");

        assertThat(Main.run("harden", "--kernel-config", weak.toString(), "--format", "sarif", "-o", sarif.toString())).isEqualTo(1);
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
        assertThat(run.at("/tool/driver/rules").size()).isEqualTo(KernelCheckCatalog.all().size());
        assertThat(run.get("results").size()).isEqualTo(root.get("missing").size());
        assertThat(run.at("/results/0/ruleId").asText()).startsWith("kernel.");
        byte[] first = Files.readAllBytes(sarif);
        Main.run("harden", "--kernel-config", weak.toString(), "--format", "sarif", "-o", sarif.toString());
        assertThat(Files.readAllBytes(sarif)).as("deterministic").isEqualTo(first);

        // The same options read as another architecture: other checks apply.
        assertThat(Main.run("harden", "--kernel-config", weak.toString(), "--arch", "x86_64", "--format", "json", "-o", json.toString())).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/kernel_config/checks/kernel.shadow_call_stack").isNull()).isTrue();

        assertThat(Main.run("harden", "--kernel-config", dir.resolve("missing.config").toString())).isEqualTo(2);
        assertThat(Main.run("harden", "--kernel-config", weak.toString(), "--arch", "sparc")).isEqualTo(2);
        assertThat(Main.run("harden", "--kernel-config", weak.toString(), weak.toString())).isEqualTo(2);
    }

    @Test
    void policyNamesKernelChecksPerArchitecture() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "required:\n  kernel:\n    arm64: [kernel.shadow_call_stack, kernel.cfi_permissive_off]\n");
        KernelConfigAudit.Report r = new KernelConfigAudit(HardeningPolicy.load(policy))
                .audit("weak", KernelConfig.parse(resource("arm64-weak.config")), null);
        assertThat(r.missing()).containsExactly("kernel.cfi_permissive_off");
        Files.writeString(policy, "required:\n  kernel:\n    sparc: []\n");
        assertThatThrownBy(() -> HardeningPolicy.load(policy)).hasMessageContaining("unknown kind 'sparc'");
        Files.writeString(policy, "required:\n  kernel:\n    x86_64: [kernel.no_such_option]\n");
        assertThatThrownBy(() -> HardeningPolicy.load(policy)).hasMessageContaining("unknown check id");
    }

    /** Mutated configurations (bytes flipped, truncated, gzip damaged) audit or fail with a message, never throw else. */
    @Test
    void mutatedInputNeverCrashes() throws Exception {
        byte[] plain = resource("arm64-weak.config");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        java.util.Random random = new java.util.Random(16);
        int audited = 0, refused = 0;
        for (byte[] original : List.of(plain, gz.toByteArray())) {
            for (int i = 0; i < 300; i++) {
                byte[] bytes = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length));
                for (int flips = random.nextInt(8); flips > 0; flips--) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                try {
                    KernelConfigAudit.Report r = audit.audit("mutant", KernelConfig.parse(bytes), null);
                    assertThat(r.verdicts()).hasSize(KernelCheckCatalog.all().size());
                    audited++;
                } catch (KernelConfig.UnreadableConfigException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused++;
                }
            }
        }
        assertThat(audited).as("most plain mutants are still configurations").isGreaterThan(100);
        assertThat(refused).as("damaged gzip and architecture-less mutants are refused").isGreaterThan(100);
    }

    @Test
    void catalogueIsWellFormed() {
        for (KernelCheck c : KernelCheckCatalog.all()) {
            assertThat(c.rationale()).as(c.id()).hasSizeGreaterThan(30);
            assertThat(c.architectures()).as(c.id()).isNotEmpty();
            assertThat(c.byArchitecture().keySet()).as(c.id()).isSubsetOf(c.architectures());
        }
        assertThat(KernelCheckCatalog.all()).extracting(KernelCheck::id).contains("kernel.stackprotector_strong",
                "kernel.fortify_source", "kernel.hardened_usercopy", "kernel.init_on_alloc", "kernel.randomize_base",
                "kernel.slab_freelist_hardened", "kernel.strict_kernel_rwx", "kernel.shadow_call_stack", "kernel.cfi_clang",
                "kernel.ubsan_bounds", "kernel.rust");
    }
}
