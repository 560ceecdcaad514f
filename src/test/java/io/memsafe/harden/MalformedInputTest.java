package io.memsafe.harden;

import io.memsafe.harden.BinaryReport.ErrorKind;
import io.memsafe.harden.policy.HardeningPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every fixture truncated at many offsets and with random byte flips (fixed seed) must give a per-file
 * error or a verdict: never an exception escaping, an internal error, or a hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
    static final long SEED = 0x6d656d73L;

    @TempDir
    static Path dir;
    final Map<String, byte[]> fixtures = new LinkedHashMap<>();
    final BinaryAnalyzer analyzer = new BinaryAnalyzer(HardeningPolicy.defaults());

    @BeforeAll
    void build() throws Exception {
        String program = Toolchain.source(dir, "program.c").toString();
        String library = Toolchain.source(dir, "library.c").toString();
        String freestanding = Toolchain.source(dir, "freestanding.c").toString();
        String windows = Toolchain.source(dir, "windows.c").toString();
        for (String cc : List.of("gcc", "clang")) {
            if (!Toolchain.available(cc)) continue;
            Toolchain.run(dir, List.of(cc, "-O2", "-D_FORTIFY_SOURCE=2", "-fstack-protector-strong", "-fcf-protection=full",
                    "-fstack-clash-protection", "-Wl,-z,ibt,-z,shstk,-z,now", "-Wl,-rpath,/opt/x", program, "-o", "elf-" + cc + "-pie"));
            Toolchain.run(dir, List.of(cc, "-O0", "-fno-pie", "-no-pie", "-Wl,-z,norelro", "-s", program, "-o", "elf-" + cc + "-nopie-stripped"));
            Toolchain.run(dir, List.of(cc, "-O2", "-fPIC", "-shared", library, "-o", "elf-" + cc + "-lib.so"));
        }
        if (Toolchain.available("gcc")) {
            Toolchain.run(dir, List.of("gcc", "-O2", "-c", Toolchain.source(dir, "kmod.c").toString(), "-o", "elf-kmod.ko"));
        }
        if (Toolchain.available("clang")) {
            for (String target : List.of("powerpc-linux-gnu", "powerpc64-linux-gnu", "aarch64-linux-gnu", "arm-linux-gnueabihf",
                    "riscv64-linux-gnu", "mips-linux-gnu", "i386-linux-gnu")) {
                Toolchain.run(dir, List.of("clang", "--target=" + target, "-O2", "-fstack-protector-all", "-c", freestanding,
                        "-o", "elf-" + target + ".o"));
            }
        }
        for (String cc : List.of("x86_64-w64-mingw32-gcc", "i686-w64-mingw32-gcc")) {
            if (!Toolchain.available(cc)) continue;
            String arch = cc.startsWith("x86_64") ? "pe64" : "pe32";
            Toolchain.run(dir, List.of(cc, "-O2", "-fstack-protector-strong", windows, "-o", arch + ".exe"));
            Toolchain.run(dir, List.of(cc, "-O2", "-DFIXTURE_DLL", "-shared", windows, "-o", arch + ".dll"));
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("elf-") || name.startsWith("pe")) fixtures.put(name, Files.readAllBytes(p));
            }
        }
        if (fixtures.containsKey("pe64.exe")) {
            PeFixturePatcher patched = new PeFixturePatcher(fixtures.get("pe64.exe"));
            patched.loadConfig(0x140005000L, 0, 0, 0x140006000L, 0x500).extendedDllCharacteristics(1);
            fixtures.put("pe64-loadconfig.exe", patched.withCertificate());
            fixtures.put("pe64-authenticode.exe", new PeFixturePatcher(fixtures.get("pe64.exe")).withAuthenticode());
        }
        if (fixtures.containsKey("pe32.exe")) {
            fixtures.put("pe32-safeseh.exe", new PeFixturePatcher(fixtures.get("pe32.exe")).loadConfig(0x405000L, 0x406000L, 2, 0, 0).bytes());
        }
    }

    private void assertHandled(String label, byte[] bytes) {
        BinaryReport r = analyzer.analyse(label, bytes);
        assertThat(r).as(label).isNotNull();
        if (!r.analysed()) {
            assertThat(r.errorKind()).as(label + ": " + r.error()).isIn(ErrorKind.MALFORMED, ErrorKind.NOT_A_BINARY);
            assertThat(r.error()).as(label).isNotBlank().doesNotContain("Exception");
        } else {
            assertThat(r.verdicts()).as(label).isNotEmpty();
            DeclaredApplicability.assertConsistent(r);
        }
    }

    @Test
    void truncatedAtManyOffsets() {
        assumeTrue(!fixtures.isEmpty(), "no compilers installed");
        if (Toolchain.available("gcc") && Toolchain.available("clang") && Toolchain.available("x86_64-w64-mingw32-gcc")
                && Toolchain.available("i686-w64-mingw32-gcc")) {
            assertThat(fixtures.keySet()).as("fixtures").hasSize(21);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            int errors = 0, cases = 0;
            for (Map.Entry<String, byte[]> f : fixtures.entrySet()) {
                byte[] full = f.getValue();
                List<Integer> cuts = new ArrayList<>();
                for (int i = 0; i < Math.min(full.length, 1024); i += 3) cuts.add(i);     // every header field
                for (int i = 1; i <= 200; i++) cuts.add((int) ((long) full.length * i / 201)); // across the file
                for (int i = 1; i <= 64; i++) cuts.add(full.length - i);                      // trailing tables
                for (int cut : cuts) {
                    byte[] truncated = java.util.Arrays.copyOf(full, Math.max(0, cut));
                    BinaryReport r = analyzer.analyse(f.getKey() + "@" + cut, truncated);
                    assertHandled(f.getKey() + " truncated at " + cut, truncated);
                    if (!r.analysed()) errors++;
                    cases++;
                }
            }
            // Cutting into the headers must be noticed, not silently pass as an unprotected binary.
            assertThat(errors).as("truncations reported as errors out of " + cases).isGreaterThan(cases / 4);
        });
    }

    @Test
    void randomByteFlips() {
        assumeTrue(!fixtures.isEmpty(), "no compilers installed");
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            Random random = new Random(SEED);
            for (Map.Entry<String, byte[]> f : fixtures.entrySet()) {
                byte[] full = f.getValue();
                for (int round = 0; round < 200; round++) {
                    byte[] mutated = full.clone();
                    int flips = 1 + random.nextInt(24);
                    // Half the rounds aim at the first 4 KiB, where the headers and tables that steer parsing live.
                    int span = round % 2 == 0 ? Math.min(full.length, 4096) : full.length;
                    for (int i = 0; i < flips; i++) {
                        int at = random.nextInt(span);
                        mutated[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : mutated[at] ^ (1 << random.nextInt(8)));
                    }
                    mutated[0] = full[0]; // keep the magic so the parser, not the sniffer, is exercised
                    mutated[1] = full[1];
                    assertHandled(f.getKey() + " flip round " + round, mutated);
                }
            }
        });
    }

    /**
     * Tables the format allows to be huge and to overlap: 20,000 ELF sections that are all symbol tables,
     * notes and code spanning the whole file; a PE with 65,535 sections and an import table whose every
     * entry points back into itself. Each must finish quickly (budgets and merged ranges), not in minutes.
     */
    @Test
    void overlappingHugeTablesStayFast() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int count = 20_000;
            ByteBuffer elf = ByteBuffer.allocate(64 + 64 * count).order(ByteOrder.LITTLE_ENDIAN);
            elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
            elf.putShort(16, (short) 3).putShort(18, (short) 62).putLong(40, 64)
                    .putShort(58, (short) 64).putShort(60, (short) count).putShort(62, (short) 0);
            for (int i = 0; i < count; i++) {
                int at = 64 + 64 * i;
                int type = i % 3 == 0 ? 2 /* SYMTAB */ : i % 3 == 1 ? 7 /* NOTE */ : 11 /* DYNSYM */;
                elf.putInt(at + 4, type).putLong(at + 8, 6 /* ALLOC|EXECINSTR */).putLong(at + 24, 0)
                        .putLong(at + 32, elf.capacity()).putInt(at + 40, 0).putLong(at + 48, 8).putLong(at + 56, 24);
            }
            assertHandled("elf-overlapping-tables", elf.array());

            int sections = 65_535, tableEnd = 0x40 + 24 + 240 + 40 * sections, size = tableEnd + (1 << 20);
            int v = 0x002b2b2b; // an RVA whose bytes point back into the same filled region
            ByteBuffer pe = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            pe.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40).putInt(0x40, 0x4550)
                    .putShort(0x44, (short) 0x8664).putShort(0x46, (short) sections).putShort(0x54, (short) 240);
            int opt = 0x58;
            pe.putShort(opt, (short) 0x20b).putShort(opt + 68, (short) 3).putInt(opt + 108, 16);
            pe.putInt(opt + 112 + 8, v).putInt(opt + 112 + 12, 20 * 4096); // import directory
            for (int i = 0; i < sections; i++) {
                int at = opt + 240 + 40 * i;
                pe.putInt(at + 8, size).putInt(at + 12, 0x1000).putInt(at + 16, size).putInt(at + 20, 0);
            }
            for (int at = tableEnd; at + 4 <= size; at += 4) pe.putInt(at, v);
            assertHandled("pe-self-referencing-imports", pe.array());
        });
    }

    @Test
    void hostileHeadersGiveClearErrors() {
        // ELF64 header claiming 65535 section headers of 64 bytes at an offset beyond the file.
        ByteBuffer elf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        elf.putShort(16, (short) 3).putShort(18, (short) 62).putLong(40, 0x7fff_ffff_ffffL)
                .putShort(58, (short) 64).putShort(60, (short) 0xffff);
        BinaryReport r = analyzer.analyse("huge-sections", elf.array());
        assertThat(r.errorKind()).isEqualTo(ErrorKind.MALFORMED);
        assertThat(r.error()).contains("section header table");

        // PE whose e_lfanew points past the end.
        ByteBuffer pe = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        pe.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x7fffff00);
        BinaryReport p = analyzer.analyse("far-pe", pe.array());
        assertThat(p.errorKind()).isEqualTo(ErrorKind.NOT_A_BINARY);
        assertThat(p.error()).contains("MZ header without a PE image");

        // A real PE signature with an optional header that runs past the end of the file.
        ByteBuffer shortPe = ByteBuffer.allocate(0x98).order(ByteOrder.LITTLE_ENDIAN);
        shortPe.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x80).putInt(0x80, 0x4550)
                .putShort(0x84, (short) 0x8664).putShort(0x86, (short) 1).putShort(0x94, (short) 0xf0);
        BinaryReport s = analyzer.analyse("short-pe", shortPe.array());
        assertThat(s.errorKind()).isEqualTo(ErrorKind.MALFORMED);
        assertThat(s.error()).isEqualTo("malformed PE: optional header at offset 152 (240 bytes) lies outside the file of 152 bytes");

        assertThat(analyzer.analyse("empty", new byte[0]).errorKind()).isEqualTo(ErrorKind.NOT_A_BINARY);
        assertThat(analyzer.analyse("magic-only", new byte[] {0x7f, 'E', 'L', 'F'}).errorKind()).isEqualTo(ErrorKind.MALFORMED);
    }
}
