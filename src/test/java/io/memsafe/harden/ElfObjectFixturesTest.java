package io.memsafe.harden;

import io.memsafe.harden.policy.HardeningPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Relocatable objects clang builds for other architectures (no cross linker needed): 32/64-bit, little and
 * big endian. Plus a kernel-module-shaped object with .modinfo, signed and unsigned.
 */
class ElfObjectFixturesTest {
    final BinaryAnalyzer analyzer = new BinaryAnalyzer(HardeningPolicy.defaults());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "aarch64-linux-gnu, aarch64, 64, little",
            "arm-linux-gnueabihf, arm, 32, little",
            "riscv64-linux-gnu, riscv, 64, little",
            "i386-linux-gnu, x86, 32, little",
            "powerpc-linux-gnu, ppc, 32, big",
            "powerpc64-linux-gnu, ppc64, 64, big",
            "mips-linux-gnu, mips, 32, big",
    })
    void crossArchitectureObjects(String target, String machine, int bits, String endian) throws Exception {
        assumeTrue(Toolchain.available("clang"), "clang not installed");
        Path source = Toolchain.source(dir, "freestanding.c");
        Path protectedObject = dir.resolve(target + "-ssp.o");
        Path unprotectedObject = dir.resolve(target + "-nossp.o");
        Toolchain.run(dir, List.of("clang", "--target=" + target, "-O2", "-fstack-protector-all", "-c", source.toString(), "-o", protectedObject.toString()));
        Toolchain.run(dir, List.of("clang", "--target=" + target, "-O2", "-fno-stack-protector", "-c", source.toString(), "-o", unprotectedObject.toString()));

        BinaryReport withCanary = analyzer.analyse(protectedObject, true);
        assertThat(withCanary.error()).isNull();
        assertThat(withCanary.kind()).isEqualTo("relocatable");
        DeclaredApplicability.assertConsistent(withCanary);
        assertThat(withCanary.machine()).isEqualTo(machine);
        assertThat(withCanary.bits()).isEqualTo(bits);
        assertThat(withCanary.endian()).isEqualTo(endian);
        assertThat(withCanary.verdicts().get("elf.canary").value()).isEqualTo(true);
        assertThat(withCanary.verdicts().get("elf.pie").value()).as("PIE of an object").isNull();
        assertThat(withCanary.verdicts().get("elf.relro").value()).as("RELRO of an object").isNull();

        BinaryReport withoutCanary = analyzer.analyse(unprotectedObject, true);
        assertThat(withoutCanary.verdicts().get("elf.canary").value()).isEqualTo(false);
        assertThat(withoutCanary.verdicts().get("elf.stripped").value()).isEqualTo(false);
    }

    @Test
    void kernelModuleSignatureAndRetpoline() throws Exception {
        assumeTrue(Toolchain.available("gcc"), "gcc not installed");
        Path source = Toolchain.source(dir, "kmod.c");
        Path unsigned = dir.resolve("fixture.ko");
        Toolchain.run(dir, List.of("gcc", "-O2", "-fstack-protector-all", "-c", source.toString(), "-o", unsigned.toString()));
        Path signed = dir.resolve("fixture-signed.ko");
        Files.copy(unsigned, signed);
        // What scripts/sign-file appends: PKCS#7 blob, a module_signature trailer, then the magic string.
        Files.write(signed, new byte[40], StandardOpenOption.APPEND);
        Files.write(signed, "~Module signature appended~\n".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);

        BinaryReport u = analyzer.analyse(unsigned, true);
        assertThat(u.kind()).isEqualTo("kernel-module");
        DeclaredApplicability.assertConsistent(u);
        assertThat(u.verdicts().get("elf.fortify").value()).as("kernel FORTIFY is not glibc's").isNull();
        assertThat(u.verdicts().get("elf.kmod_signed").value()).isEqualTo(false);
        assertThat(u.verdicts().get("elf.kmod_retpoline").value()).isEqualTo(true);
        assertThat(u.verdicts().get("elf.canary").value()).isEqualTo(true);
        assertThat(u.verdicts().get("elf.nx").value()).as("NX of a module").isNull();
        assertThat(u.missing()).containsExactly("elf.kmod_signed");

        BinaryReport s = analyzer.analyse(signed, true);
        assertThat(s.verdicts().get("elf.kmod_signed").value()).isEqualTo(true);
        assertThat(s.missing()).isEmpty();
    }

    @Test
    void aarch64BranchProtectionProperty() throws Exception {
        assumeTrue(Toolchain.available("clang"), "clang not installed");
        Path source = Toolchain.source(dir, "freestanding.c");
        Path bti = dir.resolve("bti.o"), plain = dir.resolve("plain.o"), x86 = dir.resolve("x86.o");
        Toolchain.run(dir, List.of("clang", "--target=aarch64-linux-gnu", "-O2", "-mbranch-protection=standard", "-c", source.toString(), "-o", bti.toString()));
        Toolchain.run(dir, List.of("clang", "--target=aarch64-linux-gnu", "-O2", "-mbranch-protection=none", "-c", source.toString(), "-o", plain.toString()));
        Toolchain.run(dir, List.of("clang", "--target=x86_64-linux-gnu", "-O2", "-c", source.toString(), "-o", x86.toString()));
        BinaryReport protectedObject = analyzer.analyse(bti, true);
        DeclaredApplicability.assertConsistent(protectedObject);
        assertThat(protectedObject.verdicts().get("elf.aarch64_bti").value()).isEqualTo(true);
        assertThat(protectedObject.verdicts().get("elf.aarch64_bti").details().get("pac")).isEqualTo(true);
        assertThat(analyzer.analyse(plain, true).verdicts().get("elf.aarch64_bti").value()).isEqualTo(false);
        assertThat(analyzer.analyse(x86, true).verdicts().get("elf.aarch64_bti").value()).isNull();
    }

    /**
     * With the section header table gone (sstrip-style), the loader's view still decides PIE, NX, RELRO and
     * RPATH: PT_DYNAMIC, and DT_STRTAB mapped through PT_LOAD.
     */
    @Test
    void sectionHeadersRemovedFallsBackToProgramHeaders() throws Exception {
        assumeTrue(Toolchain.available("gcc"), "gcc not installed");
        Path program = dir.resolve("sstripped");
        Toolchain.run(dir, List.of("gcc", "-O2", "-fPIE", "-pie", "-Wl,-z,relro,-z,now", "-Wl,-rpath,/opt/memsafe/lib,--disable-new-dtags",
                Toolchain.source(dir, "program.c").toString(), "-o", program.toString()));
        byte[] bytes = Files.readAllBytes(program);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(40, 0).putShort(60, (short) 0).putShort(62, (short) 0); // e_shoff, e_shnum, e_shstrndx
        BinaryReport r = analyzer.analyse("sstripped", bytes);
        assertThat(r.error()).isNull();
        assertThat(r.verdicts().get("elf.pie").value()).isEqualTo(true);
        assertThat(r.verdicts().get("elf.nx").value()).isEqualTo(true);
        assertThat(r.verdicts().get("elf.relro").value()).isEqualTo("full");
        assertThat(r.verdicts().get("elf.rpath").details().get("paths")).isEqualTo(List.of("/opt/memsafe/lib"));
        assertThat(r.verdicts().get("elf.stripped").value()).isEqualTo(true);
    }

    /** objcopy --only-keep-debug empties the loaded sections but keeps program headers pointing at them. */
    @Test
    void separateDebugInfoIsNotMistakenForTheProgram() throws Exception {
        assumeTrue(Toolchain.available("gcc") && Toolchain.available("objcopy"), "gcc/objcopy not installed");
        Path program = dir.resolve("program");
        Toolchain.run(dir, List.of("gcc", "-g", "-O2", "-fPIE", "-pie", Toolchain.source(dir, "program.c").toString(), "-o", program.toString()));
        Path debug = dir.resolve("program.debug");
        Toolchain.run(dir, List.of("objcopy", "--only-keep-debug", program.toString(), debug.toString()));
        BinaryReport r = analyzer.analyse(debug, true);
        assertThat(r.error()).isNull();
        assertThat(r.verdicts().get("elf.pie").value()).as("no interpreter or DT_FLAGS_1 in a debug file").isNull();
        assertThat(r.verdicts().get("elf.rpath").value()).isEqualTo(false);
        assertThat(r.verdicts().get("elf.stripped").value()).isEqualTo(false);
        assertThat(r.verdicts().get("elf.fortify").value()).as("a debug file imports nothing").isNull();
        assertThat(r.verdicts().get("elf.relro").details().get("bind_now")).isEqualTo(false);
    }

    @Test
    void kernelModuleWithoutRetpolineIsReported() throws Exception {
        assumeTrue(Toolchain.available("gcc"), "gcc not installed");
        Path source = dir.resolve("plain-kmod.c");
        Files.writeString(source, Files.readString(Toolchain.source(dir, "kmod.c")).replace("retpoline=Y", "vermagic=6.1"));
        Path module = dir.resolve("plain.ko");
        Toolchain.run(dir, List.of("gcc", "-O2", "-fno-stack-protector", "-c", source.toString(), "-o", module.toString()));
        BinaryReport r = analyzer.analyse(module, true);
        assertThat(r.kind()).isEqualTo("kernel-module");
        assertThat(r.verdicts().get("elf.kmod_retpoline").value()).isEqualTo(false);
        assertThat(r.missing()).contains("elf.kmod_retpoline", "elf.canary", "elf.kmod_signed");
    }
}
