package io.memsafe.harden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.Main;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.Check;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line end to end: formats, exit status, policy files, directory walks, determinism. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardenCommandTest {
    @TempDir
    static Path dir;
    Path hardened, weak, library, tree;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void build() throws Exception {
        assumeTrue(Toolchain.available("gcc"), "gcc not installed");
        Path program = Toolchain.source(dir, "program.c");
        Files.createDirectories(dir.resolve("tree/sub"));
        tree = dir.resolve("tree");
        hardened = dir.resolve("tree/hardened");
        weak = dir.resolve("tree/sub/weak");
        library = dir.resolve("tree/libfixture.so");
        Toolchain.run(dir, List.of("gcc", "-O2", "-D_FORTIFY_SOURCE=2", "-fstack-protector-strong", "-fPIE", "-pie",
                "-Wl,-z,relro,-z,now", program.toString(), "-o", hardened.toString()));
        Toolchain.run(dir, List.of("gcc", "-O0", "-fno-stack-protector", "-no-pie", "-fno-pie", "-Wl,-z,norelro",
                program.toString(), "-o", weak.toString()));
        Toolchain.run(dir, List.of("gcc", "-O2", "-D_FORTIFY_SOURCE=2", "-fstack-protector-strong", "-fPIC", "-shared",
                "-Wl,-z,relro,-z,now", Toolchain.source(dir, "library.c").toString(), "-o", library.toString()));
        Files.writeString(dir.resolve("tree/README.txt"), "not a binary");
        Files.write(dir.resolve("tree/sub/dos-stub.com"), new byte[] {'M', 'Z', 0, 0});
    }

    @Test
    void jsonReportsEveryCheckWithStableIdsAndExitOne() throws Exception {
        Path out = dir.resolve("report.json");
        int status = Main.run("harden", "--format", "json", "-o", out.toString(), "--jobs", "2", tree.toString());
        assertThat(status).as(Files.readString(out)).isEqualTo(1);
        JsonNode root = json.readTree(out.toFile());
        List<String> paths = new ArrayList<>();
        root.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertThat(paths).containsExactly(hardened.toString(), library.toString(), weak.toString()); // sorted; README and DOS stub skipped
        assertThat(root.at("/summary/skipped").asInt()).isEqualTo(2);

        JsonNode weakFile = root.get("files").get(2);
        assertThat(weakFile.at("/checks/elf.pie").asBoolean()).isFalse();
        assertThat(weakFile.at("/checks/elf.relro").asText()).isEqualTo("none");
        assertThat(weakFile.at("/checks/elf.canary").asBoolean()).isFalse();
        assertThat(weakFile.at("/checks/elf.fortify").asBoolean()).isFalse();
        assertThat(weakFile.at("/details/elf.fortify/fortified").asInt()).isZero();
        List<String> missing = new ArrayList<>();
        weakFile.get("missing").forEach(m -> missing.add(m.asText()));
        assertThat(missing).containsExactly("elf.pie", "elf.canary", "elf.relro", "elf.fortify");

        JsonNode lib = root.get("files").get(1);
        assertThat(lib.get("kind").asText()).isEqualTo("shared-library");
        assertThat(lib.at("/checks/elf.pie").isNull()).isTrue();
        assertThat(lib.at("/reasons/elf.pie").asText()).contains("shared library");
        Set<String> ids = new HashSet<>();
        lib.get("checks").fieldNames().forEachRemaining(ids::add);
        assertThat(ids).isEqualTo(new HashSet<>(CheckCatalog.elf().stream().map(Check::id).toList()));
    }

    @Test
    void linkedDirectoryIsWalkedButLinksInsideAreNot() throws Exception {
        Path link = dir.resolve("link-to-tree");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, tree);
        Path inner = tree.resolve("sub/hardened-link");
        if (!Files.exists(inner, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(inner, hardened);
        Path out = dir.resolve("link.json");
        Main.run("harden", "--format", "json", "-o", out.toString(), link.toString());
        List<String> paths = new ArrayList<>();
        json.readTree(out.toFile()).get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertThat(paths).containsExactly(link.resolve("hardened").toString(), link.resolve("libfixture.so").toString(),
                link.resolve("sub/weak").toString());
        Files.delete(inner);
    }

    @Test
    void outputIsDeterministic() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        Main.run("harden", "--format", "json", "-o", a.toString(), "--jobs", "1", tree.toString(), hardened.toString());
        Main.run("harden", "--format", "json", "-o", b.toString(), "--jobs", "2", hardened.toString(), tree.toString());
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        // Within one JVM two runs agree even with hash-ordered maps; across JVM runs only sorted keys do.
        json.readTree(a.toFile()).get("files").forEach(f -> f.get("details").forEach(d -> {
            List<String> keys = new ArrayList<>();
            d.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).isSorted();
        }));
    }

    @Test
    void sarifHasOneRulePerCheckAndOneResultPerMissingMitigation() throws Exception {
        Path out = dir.resolve("report.sarif");
        assertThat(Main.run("harden", "--format", "sarif", "-o", out.toString(), weak.toString(), hardened.toString())).isEqualTo(1);
        JsonNode root = json.readTree(out.toFile());
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(CheckCatalog.all().size());
        JsonNode pie = null;
        for (JsonNode r : rules) if (r.get("id").asText().equals("elf.pie")) pie = r;
        assertThat(pie).isNotNull();
        assertThat(pie.at("/properties/binskim").asText()).isEqualTo("BA3001");
        assertThat(pie.at("/properties/checksec").asText()).isEqualTo("PIE");
        assertThat(pie.at("/help/text").asText()).contains("-pie");
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(4); // weak: pie, canary, relro, fortify; hardened: none
        for (JsonNode r : results) {
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("/weak");
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
        }
    }

    @Test
    void policyFileRelaxesRequirements() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "required:\n  elf:\n    executable: [elf.nx]\n");
        assertThat(Main.run("harden", "--policy", policy.toString(), "-o", dir.resolve("p.txt").toString(), weak.toString())).isEqualTo(0);
        Path jsonPolicy = dir.resolve("policy.json");
        Files.writeString(jsonPolicy, "{\"required\": {\"elf\": {\"executable\": [\"elf.nx\", \"elf.relro\"]}}}");
        assertThat(Main.run("harden", "--policy", jsonPolicy.toString(), "-o", dir.resolve("p.txt").toString(), weak.toString())).isEqualTo(1);
        assertThat(Main.run("harden", "--policy", jsonPolicy.toString(), "-o", dir.resolve("p.txt").toString(), hardened.toString())).isEqualTo(0);
        Files.writeString(policy, "required:\n  elf:\n    executable: [elf.no_such_check]\n");
        assertThat(Main.run("harden", "--policy", policy.toString(), weak.toString())).isEqualTo(2);
    }

    @Test
    void textTableAndExitStatus() throws Exception {
        Path out = dir.resolve("report.txt");
        assertThat(Main.run("harden", "-o", out.toString(), hardened.toString(), library.toString())).isEqualTo(0);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("Kind").contains("RELRO", "Canary", "NX", "PIE", "Fortify");
        assertThat(lines.get(1)).startsWith("executable").endsWith(hardened.toString()).contains("full");
        assertThat(lines.get(2)).startsWith("shared-library").endsWith(library.toString());
        assertThat(lines.get(lines.size() - 1)).isEqualTo("memsafe harden: 2 binaries, 2 meet the policy, 0 miss required mitigations, 0 errors, 0 skipped");
        assertThat(Files.readString(out)).doesNotContain("\u001b[");
    }

    @Test
    void colourMarksRequiredMissingInRed() throws Exception {
        Path out = dir.resolve("colour.txt");
        Main.run("harden", "--color=always", "-o", out.toString(), weak.toString());
        String text = Files.readString(out);
        assertThat(text).doesNotContain("\u001b[").as("files never get colour");
        java.io.StringWriter buffer = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new HardenCommand());
        cl.setOut(new java.io.PrintWriter(buffer));
        assertThat(cl.execute("--color=always", weak.toString())).isEqualTo(1);
        String table = buffer.toString();
        assertThat(table).contains("\u001b[31mnone").contains("\u001b[32myes"); // RELRO none required: red; NX: green
    }

    @Test
    void explicitNonBinaryIsReportedAndUsageErrorsExitTwo() throws Exception {
        Path out = dir.resolve("explicit.json");
        assertThat(Main.run("harden", "--format", "json", "-o", out.toString(), dir.resolve("tree/README.txt").toString())).isEqualTo(2);
        JsonNode f = json.readTree(out.toFile()).get("files").get(0);
        assertThat(f.get("error").asText()).isEqualTo("not an ELF or PE file");
        assertThat(Main.run("harden", "--format", "yaml", hardened.toString())).isEqualTo(2);
        assertThat(Main.run("harden")).isEqualTo(2);
        assertThat(Main.run("harden", "--jobs", "0", hardened.toString())).isEqualTo(2);
    }
}
