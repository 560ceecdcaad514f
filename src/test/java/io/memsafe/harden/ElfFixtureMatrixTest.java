package io.memsafe.harden;

import io.memsafe.harden.checks.Verdict;
import io.memsafe.harden.policy.HardeningPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * gcc and clang build the fixture program over a matrix of hardening flags; each variant starts from a fully
 * hardened build and changes one thing, and its expected verdicts are exactly what that flag implies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class ElfFixtureMatrixTest {
    /**
     * Everything a distribution compiler might enable by default is spelled out (Ubuntu's gcc adds
     * -fcf-protection, -fstack-clash-protection and -z now), so the expectations hold on any distribution.
     */
    static final String BASE = "-fcf-protection=none -fno-stack-clash-protection";
    static final String HARDENED_CODE = BASE + " -O2 -D_FORTIFY_SOURCE=2 -fstack-protector-strong";
    static final String PIE = "-fPIE -pie";
    static final String FULL_RELRO = "-Wl,-z,relro,-z,now";

    /** One build: the flags that differ from the hardened baseline, and what those flags must produce. */
    record Variant(String name, String source, String code, String pie, String relro, String extra,
                   Map<String, Object> expected) {
        List<String> flags() {
            List<String> flags = new ArrayList<>();
            for (String group : List.of(code, pie, relro, extra)) {
                for (String f : group.split(" ")) if (!f.isEmpty()) flags.add(f);
            }
            return flags;
        }
    }

    record Built(String compiler, Variant variant, Path binary) {
        String label() { return compiler + "/" + variant.name(); }
    }

    static Map<String, Object> baseline() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", "executable");
        e.put("elf.pie", true);
        e.put("elf.nx", true);
        e.put("elf.canary", true);
        e.put("elf.relro", "full");
        e.put("elf.fortify", true);
        e.put("elf.rpath", false);
        e.put("elf.runpath", false);
        e.put("elf.stripped", false);
        e.put("elf.cet_ibt", false);
        e.put("elf.cet_shstk", false);
        e.put("elf.aarch64_bti", null);
        e.put("elf.stack_clash", null);
        e.put("elf.wx", false);
        e.put("elf.textrel", false);
        e.put("elf.safestack", false);
        e.put("elf.kmod_signed", null);
        return e;
    }

    static Variant variant(String name, String code, String pie, String relro, String extra, Object... changes) {
        return built(name, "program.c", code, pie, relro, extra, changes);
    }

    static Variant built(String name, String source, String code, String pie, String relro, String extra, Object... changes) {
        Map<String, Object> e = baseline();
        for (int i = 0; i < changes.length; i += 2) e.put((String) changes[i], changes[i + 1]);
        return new Variant(name, source, code, pie, relro, extra, e);
    }

    static List<Variant> variants() {
        return List.of(
                variant("hardened", HARDENED_CODE, PIE, FULL_RELRO, ""),
                variant("no-pie", HARDENED_CODE, "-fno-pie -no-pie", FULL_RELRO, "", "elf.pie", false),
                variant("execstack", HARDENED_CODE, PIE, FULL_RELRO, "-Wl,-z,execstack", "elf.nx", false),
                variant("no-stack-protector", BASE + " -O2 -D_FORTIFY_SOURCE=2 -fno-stack-protector", PIE, FULL_RELRO, "",
                        "elf.canary", false),
                variant("norelro", HARDENED_CODE, PIE, "-Wl,-z,norelro", "", "elf.relro", "none"),
                // "-z relro" alone is partial RELRO with Debian's gcc; -z lazy keeps it partial where gcc adds -z now.
                variant("partial-relro", HARDENED_CODE, PIE, "-Wl,-z,relro,-z,lazy", "", "elf.relro", "partial"),
                variant("no-fortify", BASE + " -O2 -U_FORTIFY_SOURCE -fstack-protector-strong", PIE, FULL_RELRO, "",
                        "elf.fortify", false),
                variant("cf-protection-full", HARDENED_CODE, PIE, FULL_RELRO, "-fcf-protection=full -Wl,-z,ibt,-z,shstk",
                        "elf.cet_ibt", true, "elf.cet_shstk", true),
                variant("cf-protection-none", HARDENED_CODE, PIE, FULL_RELRO, "-fcf-protection=none"),
                variant("stack-clash", HARDENED_CODE, PIE, FULL_RELRO, "-fstack-clash-protection", "elf.stack_clash", true),
                variant("rpath", HARDENED_CODE, PIE, FULL_RELRO, "-Wl,-rpath,/opt/memsafe/lib,--disable-new-dtags",
                        "elf.rpath", true),
                variant("runpath-relative", HARDENED_CODE, PIE, FULL_RELRO, "-Wl,-rpath,lib,--enable-new-dtags",
                        "elf.runpath", true),
                variant("stripped", HARDENED_CODE, PIE, FULL_RELRO, "-s", "elf.stripped", true),
                built("shared-library", "library.c", HARDENED_CODE + " -fPIC", "-shared", FULL_RELRO, "",
                        "kind", "shared-library", "elf.pie", null));
    }

    @TempDir
    static Path dir;
    final List<Built> built = new ArrayList<>();
    final BinaryAnalyzer analyzer = new BinaryAnalyzer(HardeningPolicy.defaults());

    @BeforeAll
    void build() throws Exception {
        for (String compiler : List.of("gcc", "clang")) {
            if (!Toolchain.available(compiler)) continue;
            for (Variant v : variants()) {
                Path source = Toolchain.source(dir, v.source());
                Path out = dir.resolve(compiler + "-" + v.name());
                List<String> cmd = new ArrayList<>(List.of(compiler));
                cmd.addAll(v.flags());
                cmd.addAll(List.of(source.toString(), "-o", out.toString()));
                Toolchain.run(dir, cmd);
                built.add(new Built(compiler, v, out));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> verdictsFollowTheFlags() {
        assumeTrue(!built.isEmpty(), "neither gcc nor clang installed");
        return built.stream().map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            BinaryReport report = analyzer.analyse(b.binary(), true);
            assertThat(report.error()).as("error").isNull();
            DeclaredApplicability.assertConsistent(report);
            assertThat(report.format()).isEqualTo("elf");
            assertThat(report.machine()).isEqualTo("x86-64");
            assertThat(report.bits()).isEqualTo(64);
            for (Map.Entry<String, Object> e : b.variant().expected().entrySet()) {
                Object actual = e.getKey().equals("kind") ? report.kind() : report.verdicts().get(e.getKey()).value();
                assertThat(actual).as(b.label() + " " + e.getKey()).isEqualTo(e.getValue());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> detailsExplainTheVerdicts() {
        assumeTrue(!built.isEmpty(), "neither gcc nor clang installed");
        return built.stream().map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            BinaryReport report = analyzer.analyse(b.binary(), true);
            Verdict fortify = report.verdicts().get("elf.fortify");
            // Both builds call strcpy and printf; fortified or not, both are counted as fortifiable.
            assertThat((Integer) fortify.details().get("fortifiable")).as("fortifiable").isGreaterThanOrEqualTo(2);
            if (Boolean.TRUE.equals(b.variant().expected().get("elf.fortify"))) {
                assertThat((List<Object>) fortify.details().get("fortified_functions")).as("fortified").contains("strcpy");
            } else {
                assertThat((Integer) fortify.details().get("fortified")).isZero();
                assertThat((List<Object>) fortify.details().get("unfortified_functions")).contains("strcpy");
            }
            Verdict runpath = report.verdicts().get("elf.runpath");
            if (b.variant().name().equals("runpath-relative")) {
                assertThat(runpath.satisfied()).isFalse();
                assertThat(report.missing()).contains("elf.runpath");
            } else {
                assertThat(runpath.satisfied()).isTrue();
            }
            if (b.variant().name().equals("rpath")) {
                assertThat(report.verdicts().get("elf.rpath").details().get("paths")).isEqualTo(List.of("/opt/memsafe/lib"));
                assertThat(report.verdicts().get("elf.rpath").satisfied()).isTrue();
            }
            boolean fullyHardened = b.variant().name().equals("hardened") || b.variant().name().equals("cf-protection-full")
                    || b.variant().name().equals("cf-protection-none") || b.variant().name().equals("stack-clash")
                    || b.variant().name().equals("stripped") || b.variant().name().equals("shared-library")
                    || b.variant().name().equals("rpath");
            assertThat(report.meetsPolicy()).as(b.label() + " meets default policy, missing " + report.missing())
                    .isEqualTo(fullyHardened);
        }));
    }

    /** Debian's checksec must agree on every check both tools have (skipped where checksec is not installed). */
    @TestFactory
    Stream<DynamicTest> agreesWithChecksec() {
        assumeTrue(!built.isEmpty() && Toolchain.available("checksec"), "checksec not installed");
        return built.stream().map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            String csv = Toolchain.run(dir, List.of("checksec", "--format=csv", "--file=" + b.binary())).strip();
            BinaryReport report = analyzer.analyse(b.binary(), true);
            assertThat(ChecksecAgreement.disagreements(csv, report.verdicts())).as(csv).isEmpty();
        }));
    }
}
