package io.memsafe.harden;

import io.memsafe.harden.policy.HardeningPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Fixtures for what the loader sees: writable code, text relocations, SafeStack. */
class ElfLoaderFixturesTest {
    final BinaryAnalyzer analyzer = new BinaryAnalyzer(HardeningPolicy.defaults());

    @TempDir
    Path dir;

    @Test
    void writableAndExecutableSegment() throws Exception {
        assumeTrue(Toolchain.available("gcc"), "gcc not installed");
        Path wx = dir.resolve("wx");
        Toolchain.run(dir, List.of("gcc", "-O2", Toolchain.source(dir, "writable_code.c").toString(), "-o", wx.toString()));
        BinaryReport r = analyzer.analyse(wx, true);
        DeclaredApplicability.assertConsistent(r);
        assertThat(r.verdicts().get("elf.wx").value()).isEqualTo(true);
        assertThat((List<?>) r.verdicts().get("elf.wx").details().get("writable_executable")).hasSize(1);
        assertThat(r.missing()).contains("elf.wx");

        Path object = dir.resolve("wx.o");
        Toolchain.run(dir, List.of("gcc", "-O2", "-c", Toolchain.source(dir, "writable_code.c").toString(), "-o", object.toString()));
        assertThat(analyzer.analyse(object, true).verdicts().get("elf.wx").details().get("writable_executable"))
                .isEqualTo(List.of(".wxdata"));
    }

    @Test
    void textRelocations() throws Exception {
        assumeTrue(Toolchain.available("gcc"), "gcc not installed");
        Path library = dir.resolve("libtextrel.so");
        Toolchain.run(dir, List.of("gcc", "-O2", "-fPIC", "-shared", Toolchain.source(dir, "text_relocation.c").toString(),
                "-o", library.toString()));
        BinaryReport r = analyzer.analyse(library, true);
        assertThat(r.kind()).isEqualTo("shared-library");
        assertThat(r.verdicts().get("elf.textrel").value()).isEqualTo(true);
        assertThat(r.missing()).contains("elf.textrel");
    }

    /**
     * Single-module clang CFI needs LTO, so lld (clang 14's -flto with GNU ld needs the LLVMgold plugin).
     * -fno-sanitize-ignorelist: Debian's clang package ships without compiler-rt's cfi_ignorelist.txt.
     */
    @Test
    void clangControlFlowIntegrity() throws Exception {
        assumeTrue(Toolchain.available("clang") && Toolchain.available("ld.lld"), "clang and lld not installed");
        Path source = Toolchain.source(dir, "indirect_call.c");
        Path cfi = dir.resolve("cfi");
        Toolchain.run(dir, List.of("clang", "-O1", "-flto", "-fvisibility=hidden", "-fsanitize=cfi", "-fno-sanitize-ignorelist",
                "-fuse-ld=lld", source.toString(), "-o", cfi.toString()));
        var v = analyzer.analyse(cfi, true).verdicts().get("elf.clang_cfi");
        assertThat(v.value()).isEqualTo(true);
        assertThat((Integer) v.details().get("cfi_symbols")).as("twice.cfi and square.cfi").isGreaterThanOrEqualTo(2);

        Path plain = dir.resolve("no-cfi");
        Toolchain.run(dir, List.of("clang", "-O1", "-flto", "-fvisibility=hidden", "-fuse-ld=lld", source.toString(), "-o", plain.toString()));
        assertThat(analyzer.analyse(plain, true).verdicts().get("elf.clang_cfi").value()).isEqualTo(false);

        Path stripped = dir.resolve("cfi-stripped");
        Toolchain.run(dir, List.of("clang", "-O1", "-flto", "-fvisibility=hidden", "-fsanitize=cfi", "-fno-sanitize-ignorelist",
                "-fuse-ld=lld", "-s", source.toString(), "-o", stripped.toString()));
        var s = analyzer.analyse(stripped, true).verdicts().get("elf.clang_cfi");
        assertThat(s.value()).isEqualTo(false);
        assertThat(s.reason()).contains("stripped");
    }

    @Test
    void clangSafeStack() throws Exception {
        assumeTrue(Toolchain.available("clang"), "clang not installed");
        Path program = dir.resolve("safestack");
        try {
            Toolchain.run(dir, List.of("clang", "-O2", "-fsanitize=safe-stack", Toolchain.source(dir, "program.c").toString(),
                    "-o", program.toString()));
        } catch (IllegalStateException e) {
            assumeTrue(false, "clang's SafeStack runtime is not installed: " + e.getMessage());
        }
        assertThat(analyzer.analyse(program, true).verdicts().get("elf.safestack").value()).isEqualTo(true);
        Path plain = dir.resolve("plain");
        Toolchain.run(dir, List.of("clang", "-O2", Toolchain.source(dir, "program.c").toString(), "-o", plain.toString()));
        assertThat(analyzer.analyse(plain, true).verdicts().get("elf.safestack").value()).isEqualTo(false);
    }
}
