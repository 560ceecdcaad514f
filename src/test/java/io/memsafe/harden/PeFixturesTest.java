package io.memsafe.harden;

import io.memsafe.harden.pe.PeImage;
import io.memsafe.harden.policy.HardeningPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PE fixtures built with mingw-w64 for x86-64 and i686, EXE and DLL, with and without the linker's
 * DYNAMICBASE / NX_COMPAT / HIGH_ENTROPY_VA; then header fields MinGW cannot set, written by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeFixturesTest {
    static final String X64 = "x86_64-w64-mingw32-gcc", X86 = "i686-w64-mingw32-gcc";

    @TempDir
    static Path dir;
    final BinaryAnalyzer analyzer = new BinaryAnalyzer(HardeningPolicy.defaults());

    @BeforeAll
    void sources() throws Exception {
        Toolchain.source(dir, "windows.c");
        Toolchain.source(dir, "driver.c");
    }

    Path build(String compiler, String name, String... flags) throws Exception {
        assumeTrue(Toolchain.available(compiler), compiler + " not installed");
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(compiler, "-O2"));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of(dir.resolve("windows.c").toString(), "-o", out.toString()));
        Toolchain.run(dir, cmd);
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            // arch, type, linker flags (all three named, so binutils' changing defaults do not matter),
            // expected dynamicbase, high_entropy_va (null on PE32), nx_compat. GNU ld's --disable-dynamicbase
            // also clears HIGH_ENTROPY_VA: the header, not the flag, decides.
            "x64, exe, --dynamicbase --nxcompat --high-entropy-va, true, true, true",
            "x64, exe, --disable-dynamicbase --nxcompat, false, false, true",
            "x64, exe, --dynamicbase --nxcompat --disable-high-entropy-va, true, false, true",
            "x64, exe, --dynamicbase --disable-nxcompat --high-entropy-va, true, true, false",
            "x64, dll, --dynamicbase --nxcompat --high-entropy-va, true, true, true",
            "x64, dll, --dynamicbase --disable-nxcompat --disable-high-entropy-va, true, false, false",
            "x86, exe, --dynamicbase --nxcompat, true, , true",
            "x86, exe, --disable-dynamicbase --nxcompat, false, , true",
            "x86, exe, --dynamicbase --disable-nxcompat, true, , false",
            "x86, dll, --dynamicbase --nxcompat, true, , true",
            "x86, dll, --disable-dynamicbase --disable-nxcompat, false, , false",
    })
    void linkerFlagsSetTheHeader(String arch, String type, String linkerFlags, boolean dynamicBase, Boolean highEntropy,
                                 boolean nx) throws Exception {
        List<String> flags = new ArrayList<>();
        if (type.equals("dll")) flags.addAll(List.of("-DFIXTURE_DLL", "-shared"));
        for (String f : linkerFlags.split(" ")) if (!f.isEmpty()) flags.add("-Wl," + f);
        String name = arch + "-" + type + "-" + linkerFlags.replaceAll("[^a-z]+", "_") + (type.equals("dll") ? ".dll" : ".exe");
        Path image = build(arch.equals("x64") ? X64 : X86, name, flags.toArray(String[]::new));

        BinaryReport r = analyzer.analyse(image, true);
        assertThat(r.error()).isNull();
        assertThat(r.format()).isEqualTo("pe");
        DeclaredApplicability.assertConsistent(r);
        assertThat(r.kind()).isEqualTo(type);
        assertThat(r.machine()).isEqualTo(arch.equals("x64") ? "x86-64" : "x86");
        assertThat(r.bits()).isEqualTo(arch.equals("x64") ? 64 : 32);
        assertThat(r.verdicts().get("pe.dynamicbase").value()).isEqualTo(dynamicBase);
        assertThat(r.verdicts().get("pe.high_entropy_va").value()).isEqualTo(highEntropy);
        assertThat(r.verdicts().get("pe.nx_compat").value()).isEqualTo(nx);
        // Composite ASLR: DYNAMICBASE with relocations, and on PE32+ HIGH_ENTROPY_VA as well.
        assertThat(r.verdicts().get("pe.aslr").value()).isEqualTo(dynamicBase && (highEntropy == null || highEntropy));
        assertThat(r.verdicts().get("pe.aslr").details()).containsEntry("dynamic_base", dynamicBase).containsEntry("relocations", true);
        // What MinGW never produces: no CFG, no SafeSEH table, no load-config cookie, no CET, no signature.
        assertThat(r.verdicts().get("pe.guard_cf").value()).isEqualTo(false);
        assertThat(r.verdicts().get("pe.safeseh").value()).isEqualTo(arch.equals("x86") ? false : null);
        assertThat(r.verdicts().get("pe.cet_compat").value()).isEqualTo(false);
        assertThat(r.verdicts().get("pe.rfg").value()).isEqualTo(false);
        assertThat(r.verdicts().get("pe.dotnet").value()).isEqualTo(false);
        assertThat(r.verdicts().get("pe.authenticode").value()).isEqualTo(false);
        assertThat(r.verdicts().get("pe.authenticode_tampered").value()).as("unsigned: nothing to tamper with").isNull();
        assertThat(r.verdicts().get("pe.wx_sections").value()).isEqualTo(false);
        assertThat(r.verdicts().get("pe.driver_nx_pool").value()).isNull();
        assertThat(r.missing()).contains("pe.guard_cf");
        assertThat(r.missing().contains("pe.dynamicbase")).isEqualTo(!dynamicBase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x64, true", "x64, false", "x86, true", "x86, false"})
    void stackProtectorShowsAsGs(String arch, boolean protect) throws Exception {
        Path image = build(arch.equals("x64") ? X64 : X86, arch + "-ssp-" + protect + ".exe",
                protect ? "-fstack-protector-strong" : "-fno-stack-protector");
        BinaryReport r = analyzer.analyse(image, true);
        assertThat(r.verdicts().get("pe.gs").value()).isEqualTo(protect);
    }

    @Test
    void writtenLoadConfigGivesCfgGsAndCet() throws Exception {
        Path image = build(X64, "x64-patched.exe", "-fno-stack-protector");
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(image));
        BinaryReport before = analyzer.analyse("before.exe", p.bytes());
        assertThat(before.verdicts().get("pe.gs").value()).isEqualTo(false);

        p.setDllCharacteristics(PeImage.DLL_GUARD_CF, true)
                .loadConfig(0x140005000L, 0, 0, 0x140006000L, PeImage.GUARD_CF_INSTRUMENTED | PeImage.GUARD_CF_FUNCTION_TABLE_PRESENT)
                .extendedDllCharacteristics(PeImage.EX_DLL_CET_COMPAT);
        BinaryReport after = analyzer.analyse("after.exe", p.bytes());
        assertThat(after.error()).isNull();
        assertThat(after.verdicts().get("pe.guard_cf").value()).isEqualTo(true);
        assertThat(after.verdicts().get("pe.guard_cf").details().get("guard_flags")).isEqualTo("0x00000500");
        assertThat(after.verdicts().get("pe.gs").value()).isEqualTo(true);
        assertThat(after.verdicts().get("pe.cet_compat").value()).isEqualTo(true);
        assertThat(after.verdicts().get("pe.safeseh").value()).isNull();
        assertThat(after.missing()).isEmpty();

        // GUARD_CF flag without an instrumented load config is not CFG.
        p.loadConfig(0x140005000L, 0, 0, 0, 0);
        assertThat(analyzer.analyse("flag-only.exe", p.bytes()).verdicts().get("pe.guard_cf").value()).isEqualTo(false);
        // CFG needs ASLR: with DYNAMICBASE cleared the same load config does not count.
        p.loadConfig(0x140005000L, 0, 0, 0x140006000L, PeImage.GUARD_CF_INSTRUMENTED).setDllCharacteristics(PeImage.DLL_DYNAMIC_BASE, false);
        assertThat(analyzer.analyse("no-aslr.exe", p.bytes()).verdicts().get("pe.guard_cf").value()).isEqualTo(false);

        assertThat(analyzer.analyse("signed.exe", p.withCertificate()).verdicts().get("pe.authenticode").value()).isEqualTo(true);
    }

    @Test
    void writtenSafeSehTableOnX86() throws Exception {
        Path image = build(X86, "x86-patched.exe");
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(image));
        p.loadConfig(0x405000L, 0x406000L, 3, 0, 0);
        BinaryReport r = analyzer.analyse("safeseh.exe", p.bytes());
        assertThat(r.verdicts().get("pe.safeseh").value()).isEqualTo(true);
        assertThat(r.verdicts().get("pe.safeseh").details().get("handler_count")).isEqualTo(3L);
        assertThat(r.verdicts().get("pe.gs").value()).isEqualTo(true);

        p.loadConfig(0x405000L, 0, 0, 0, 0);
        assertThat(analyzer.analyse("no-table.exe", p.bytes()).verdicts().get("pe.safeseh").value()).isEqualTo(false);
        p.setDllCharacteristics(PeImage.DLL_NO_SEH, true);
        BinaryReport noSeh = analyzer.analyse("no-seh.exe", p.bytes());
        assertThat(noSeh.verdicts().get("pe.safeseh").value()).isEqualTo(true);
        assertThat(noSeh.verdicts().get("pe.no_seh").value()).isEqualTo(true);
    }

    @Test
    void authenticodeDigestIsRecomputed() throws Exception {
        Path image = build(X64, "x64-signed.exe");
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(image));
        byte[] signed = p.withAuthenticode();
        BinaryReport r = analyzer.analyse("signed.exe", signed);
        var verdict = r.verdicts().get("pe.authenticode");
        assertThat(verdict.value()).isEqualTo(true);
        assertThat(verdict.details()).containsEntry("digest_algorithm", "SHA-256").containsEntry("digest_matches", true);
        assertThat(verdict.satisfied()).isTrue();

        assertThat(r.verdicts().get("pe.authenticode_tampered").value()).isEqualTo(false);

        signed[p.blobOffset + 100] ^= 1; // one bit of .rdata changed after signing
        BinaryReport t = analyzer.analyse("tampered.exe", signed);
        var tampered = t.verdicts().get("pe.authenticode");
        assertThat(tampered.value()).as("a signature that does not match is no signature").isEqualTo(false);
        assertThat(tampered.details()).containsEntry("certificate_table", true).containsEntry("digest_matches", false);
        assertThat(tampered.satisfied()).isFalse();
        assertThat(tampered.reason()).contains("modified after signing");
        var finding = t.verdicts().get("pe.authenticode_tampered");
        assertThat(finding.value()).isEqualTo(true);
        assertThat(finding.reason()).contains("SHA-256").contains("modified after signing");
        assertThat(t.missing()).contains("pe.authenticode_tampered");
    }

    /** A real signature (osslsigncode, throw-away self-signed key), then one byte of the signed image patched. */
    @Test
    void osslsigncodeSignatureThenPatched() throws Exception {
        assumeTrue(Toolchain.available("osslsigncode") && Toolchain.available("openssl"), "osslsigncode/openssl not installed");
        Path image = build(X86, "x86-to-sign.exe");
        Toolchain.run(dir, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=memsafe fixture",
                "-days", "2", "-keyout", "key.pem", "-out", "cert.pem"));
        Path signedPath = dir.resolve("x86-signed.exe");
        Files.deleteIfExists(signedPath);
        Toolchain.run(dir, List.of("osslsigncode", "sign", "-certs", "cert.pem", "-key", "key.pem", "-h", "sha256",
                "-in", image.toString(), "-out", signedPath.toString()));
        BinaryReport signed = analyzer.analyse(signedPath, true);
        assertThat(signed.verdicts().get("pe.authenticode").value()).isEqualTo(true);
        assertThat(signed.verdicts().get("pe.authenticode").details()).containsEntry("digest_algorithm", "SHA-256");
        assertThat(signed.verdicts().get("pe.authenticode_tampered").value()).isEqualTo(false);

        byte[] bytes = Files.readAllBytes(signedPath);
        int blob = new PeFixturePatcher(bytes).blobOffset;
        bytes[blob + 30] ^= 0x20; // inside fixture_blob in .rdata: what a patcher changing a constant does
        BinaryReport patched = analyzer.analyse("x86-signed-patched.exe", bytes);
        assertThat(patched.verdicts().get("pe.authenticode").value()).isEqualTo(false);
        assertThat(patched.verdicts().get("pe.authenticode_tampered").value()).isEqualTo(true);
    }

    @Test
    void cetCompatIsReportedOnX86Too() throws Exception {
        Path image = build(X86, "x86-cet.exe");
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(image));
        p.extendedDllCharacteristics(PeImage.EX_DLL_CET_COMPAT);
        BinaryReport r = analyzer.analyse("x86-cet.exe", p.bytes());
        assertThat(r.verdicts().get("pe.cet_compat").value()).isEqualTo(true);
        assertThat(r.verdicts().get("pe.cet_compat").reason()).contains("x64");
        p.extendedDllCharacteristics(0);
        BinaryReport off = analyzer.analyse("x86-nocet.exe", p.bytes());
        assertThat(off.verdicts().get("pe.cet_compat").value()).isEqualTo(false);
        assertThat(off.missing()).as("the built-in policy requires CETCOMPAT of no image").doesNotContain("pe.cet_compat");
    }

    @ParameterizedTest(name = "{0} base {1}")
    @CsvSource({"x64, 0x140000000, true", "x64, 0x10000000, false", "x86, 0x10000000, "})
    void imageBaseAboveFourGigabytes(String arch, String base, Boolean above) throws Exception {
        Path image = build(arch.equals("x64") ? X64 : X86, arch + "-base-" + base + ".exe", "-Wl,--image-base," + base);
        var v = analyzer.analyse(image, true).verdicts().get("pe.image_base_above_4gb");
        assertThat(v.value()).isEqualTo(above);
        if (above != null) assertThat(v.details()).containsEntry("image_base", base);
    }

    @Test
    void returnFlowGuardFromGuardFlags() throws Exception {
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(build(X64, "x64-rfg.exe")));
        p.loadConfig(0x140005000L, 0, 0, 0x140006000L, PeImage.GUARD_CF_INSTRUMENTED | PeImage.GUARD_RF_INSTRUMENTED | PeImage.GUARD_RF_ENABLE);
        assertThat(analyzer.analyse("rfg.exe", p.bytes()).verdicts().get("pe.rfg").value()).isEqualTo(true);
        p.loadConfig(0x140005000L, 0, 0, 0x140006000L, PeImage.GUARD_CF_INSTRUMENTED | PeImage.GUARD_RF_INSTRUMENTED | PeImage.GUARD_RF_STRICT);
        assertThat(analyzer.analyse("rfg-strict.exe", p.bytes()).verdicts().get("pe.rfg").value()).isEqualTo(true);
        // Instrumented but neither enabled nor strict: winchecksec says no.
        p.loadConfig(0x140005000L, 0, 0, 0x140006000L, PeImage.GUARD_CF_INSTRUMENTED | PeImage.GUARD_RF_INSTRUMENTED);
        assertThat(analyzer.analyse("rfg-off.exe", p.bytes()).verdicts().get("pe.rfg").value()).isEqualTo(false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86, 1", "x64, 1", "x64, 0"})
    void dotNetAssemblyRecognised(String arch, int corFlags) throws Exception {
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(build(arch.equals("x64") ? X64 : X86, arch + "-clr-" + corFlags + ".exe")));
        p.clrHeader(corFlags);
        BinaryReport r = analyzer.analyse(arch + "-assembly.exe", p.bytes());
        assertThat(r.error()).isNull();
        var dotnet = r.verdicts().get("pe.dotnet");
        assertThat(dotnet.value()).isEqualTo(true);
        assertThat(dotnet.satisfied()).as("informational").isNull();
        boolean ilOnly = corFlags == 1;
        assertThat(dotnet.details()).containsEntry("il_only", ilOnly);
        for (String nativeCheck : List.of("pe.gs", "pe.guard_cf", "pe.rfg", "pe.safeseh")) {
            var v = r.verdicts().get(nativeCheck);
            if (ilOnly) assertThat(v.value()).as(nativeCheck + " on an IL-only assembly").isNull();
        }
        if (!ilOnly) assertThat(r.verdicts().get("pe.gs").value()).as("mixed mode holds native code").isNotNull();
        // Loader-level checks still apply to an assembly.
        assertThat(r.verdicts().get("pe.nx_compat").value()).isNotNull();
        assertThat(r.verdicts().get("pe.aslr").value()).isNotNull();
        assertThat(r.missing()).doesNotContain("pe.dotnet");
        if (ilOnly) assertThat(r.missing()).doesNotContain("pe.gs", "pe.guard_cf");
        else assertThat(r.missing()).as("mixed mode: MinGW code without CFG").contains("pe.guard_cf");
    }

    @Test
    void writableExecutableAndSharedSections() throws Exception {
        Path image = build(X64, "x64-sections.exe");
        PeFixturePatcher p = new PeFixturePatcher(Files.readAllBytes(image));
        assertThat(analyzer.analyse("clean.exe", p.bytes()).verdicts().get("pe.wx_sections").value()).isEqualTo(false);
        p.sectionCharacteristics(".data", PeImage.SCN_MEM_WRITE | PeImage.SCN_MEM_EXECUTE | 0x40000000L);
        p.sectionCharacteristics(".bss", PeImage.SCN_MEM_WRITE | PeImage.SCN_MEM_SHARED | 0x40000000L);
        BinaryReport r = analyzer.analyse("wx.exe", p.bytes());
        assertThat(r.verdicts().get("pe.wx_sections").details().get("sections")).isEqualTo(List.of(".data"));
        assertThat(r.verdicts().get("pe.shared_sections").details().get("sections")).isEqualTo(List.of(".bss"));
        assertThat(r.missing()).contains("pe.wx_sections", "pe.shared_sections");
    }

    @ParameterizedTest(name = "legacy pool {0}")
    @CsvSource({"true", "false"})
    void driverPoolRoutines(boolean legacy) throws Exception {
        assumeTrue(Toolchain.available(X64) && Toolchain.available("x86_64-w64-mingw32-dlltool"), "mingw not installed");
        Path def = dir.resolve("ntoskrnl.def");
        Files.writeString(def, "LIBRARY ntoskrnl.exe\nEXPORTS\nExAllocatePoolWithTag\nExAllocatePool2\n");
        Path lib = dir.resolve("libntoskrnl-fixture.a");
        Toolchain.run(dir, List.of("x86_64-w64-mingw32-dlltool", "-d", def.toString(), "-l", lib.toString()));
        Path driver = dir.resolve("fixture-" + legacy + ".sys");
        List<String> cmd = new ArrayList<>(List.of(X64, "-O2", "-nostdlib", "-nostartfiles", "-Wl,--subsystem,native",
                "-Wl,--entry,DriverEntry"));
        if (legacy) cmd.add("-DLEGACY_POOL");
        cmd.addAll(List.of(dir.resolve("driver.c").toString(), lib.toString(), "-o", driver.toString()));
        Toolchain.run(dir, cmd);

        BinaryReport r = analyzer.analyse(driver, true);
        assertThat(r.kind()).isEqualTo("driver");
        assertThat(r.verdicts().get("pe.driver_nx_pool").value()).isEqualTo(!legacy);
        assertThat(r.verdicts().get("pe.driver_nx_pool").details().get(legacy ? "legacy_pool_routines" : "nx_pool_routines"))
                .isEqualTo(List.of(legacy ? "ExAllocatePoolWithTag" : "ExAllocatePool2"));
        assertThat(r.missing()).contains("pe.authenticode");
        assertThat(r.missing().contains("pe.driver_nx_pool")).isEqualTo(legacy);
    }
}
