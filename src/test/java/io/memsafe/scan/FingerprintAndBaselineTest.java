package io.memsafe.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.memsafe.scan.config.ScanConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF locations relative to the source root, fingerprints that survive moves and edits, and baselines. */
class FingerprintAndBaselineTest {
    static final String LIB = String.join("\n",
            "#include <string.h>",
            "void copy_name(const char *s) {",
            "    char name[8];",
            "    strcpy(name, \"far too long\");",
            "}",
            "void fill(void) {",
            "    char b[4];",
            "    for (int i = 0; i <= 4; i++) b[i] = 0;",
            "}",
            "");
    static final String MAIN = String.join("\n",
            "int main(void) {",
            "    int a[2];",
            "    a[2] = 1;",
            "    return 0;",
            "}",
            "");

    static Path tree(Path dir, String lib, String main) throws IOException {
        Files.createDirectories(dir.resolve("src/util"));
        Files.writeString(dir.resolve("src/util/lib.c"), lib);
        Files.writeString(dir.resolve("src/main.c"), main);
        return dir;
    }

    @Test
    void locationsAndFingerprintsDoNotDependOnWhereTheTreeIs(@TempDir Path tmp) throws IOException {
        Path a = tree(tmp.resolve("one"), LIB, MAIN);
        Path b = tree(tmp.resolve("two/deeper/checkout"), LIB, MAIN);
        ScanRun ra = ScanRun.sarif(tmp.resolve("a.sarif"), a.resolve("src").toString());
        ScanRun rb = ScanRun.sarif(tmp.resolve("b.sarif"), b.resolve("src").toString());
        assertThat(ra.results().size()).isEqualTo(3);
        assertThat(ra.fingerprints()).doesNotContain("").isEqualTo(rb.fingerprints()).doesNotHaveDuplicates();
        for (JsonNode r : ra.results()) {
            JsonNode art = r.at("/locations/0/physicalLocation/artifactLocation");
            assertThat(art.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(art.get("uri").asText()).isIn("util/lib.c", "main.c");
            assertThat(r.at("/properties/memsafe~1function").asText()).isIn("copy_name", "fill", "main");
        }
        assertThat(ra.results().toString()).isEqualTo(rb.results().toString());
        assertThat(ra.run().at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(a.resolve("src").toUri().toString());
        // --source-root moves the base
        ScanRun rc = ScanRun.sarif(tmp.resolve("c.sarif"), "--source-root", a.toString(), a.resolve("src").toString());
        assertThat(rc.results().get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("src/main.c");
    }

    @Test
    void fingerprintsIgnoreCommentsAndWhitespaceButNotCode() {
        assertThat(Fingerprints.normalise("  a[2] = 1;   // memsafe-ignore MS121: fine"))
                .isEqualTo(Fingerprints.normalise("a[2]=1; /* note */"))
                .isEqualTo("a[2]=1;");
        assertThat(Fingerprints.normalise("s = \"a // b\";")).isEqualTo("s=\"a // b\";");
        assertThat(Fingerprints.normalise("a[3] = 1;")).isNotEqualTo(Fingerprints.normalise("a[2] = 1;"));
    }

    @Test
    void baselineMarksNewUnchangedAndAbsent(@TempDir Path tmp) throws IOException {
        Path v1 = tree(tmp.resolve("v1"), LIB, MAIN);
        Path base = tmp.resolve("base.sarif");
        ScanRun first = ScanRun.sarif(base, v1.resolve("src").toString());
        assertThat(first.results().size()).isEqualTo(3);

        // lines inserted at the top of both files move every finding: still the same findings
        Path v2 = tree(tmp.resolve("v2"), "/* licence */\n\n" + LIB, "// header\n" + MAIN);
        ScanRun moved = ScanRun.sarif(tmp.resolve("v2.sarif"), "--baseline", base.toString(), "--fail-on", "new", v2.resolve("src").toString());
        assertThat(moved.states()).containsOnly("unchanged").hasSize(3);
        assertThat(moved.summary().get("new").asInt()).isZero();
        assertThat(moved.summary().get("absent").asInt()).isZero();
        assertThat(moved.exitStatus()).isZero();

        // one new bug in fill's neighbour, one bug fixed
        String lib3 = LIB.replace("for (int i = 0; i <= 4; i++)", "for (int i = 0; i < 4; i++)")
                + "void tail(void) {\n    char t[3];\n    t[3] = 0;\n}\n";
        Path v3 = tree(tmp.resolve("v3"), lib3, MAIN);
        ScanRun changed = ScanRun.sarif(tmp.resolve("v3.sarif"), "--baseline", base.toString(), "--fail-on", "new", v3.resolve("src").toString());
        List<String> states = changed.states();
        assertThat(states).containsExactlyInAnyOrder("unchanged", "unchanged", "new", "absent");
        JsonNode gone = changed.results().get(states.indexOf("absent"));
        assertThat(gone.at("/properties/memsafe~1function").asText()).isEqualTo("fill");
        JsonNode added = changed.results().get(states.indexOf("new"));
        assertThat(added.at("/properties/memsafe~1function").asText()).isEqualTo("tail");
        assertThat(changed.exitStatus()).isEqualTo(1);
        assertThat(ScanRun.sarif(tmp.resolve("v3n.sarif"), "--baseline", base.toString(), "--fail-on", "none", v3.resolve("src").toString()).exitStatus()).isZero();
        // the same tree against itself: nothing new, nothing gone
        ScanRun again = ScanRun.sarif(tmp.resolve("v3b.sarif"), "--baseline", tmp.resolve("v3.sarif").toString(), "--fail-on", "new", v3.resolve("src").toString());
        assertThat(again.states()).containsOnly("unchanged").hasSize(3);
        assertThat(again.exitStatus()).isZero();
    }

    @Test
    void aBaselineThatIsNotMemsafeSarifIsAUsageError(@TempDir Path tmp) throws IOException {
        Path v1 = tree(tmp.resolve("v1"), LIB, MAIN);
        Path bad = tmp.resolve("bad.sarif");
        Files.writeString(bad, "{\"runs\": [{\"results\": [{\"ruleId\": \"X\"}]}]}");
        assertThat(io.memsafe.cli.Main.run("scan", "--baseline", bad.toString(), v1.toString())).isEqualTo(2);
        Files.writeString(bad, "not json");
        assertThat(io.memsafe.cli.Main.run("scan", "--baseline", bad.toString(), v1.toString())).isEqualTo(2);
    }

    @Test
    void configTurnsRulesOffChangesLevelsExcludesPathsAndReadsTheAttackSurface(@TempDir Path tmp) throws IOException {
        Path t = tree(tmp.resolve("t"), LIB, MAIN);
        Files.createDirectories(t.resolve("src/vendor"));
        Files.writeString(t.resolve("src/vendor/v.c"), "void v(void) { char x[1]; x[1] = 0; }\n");
        Files.writeString(t.resolve(ScanConfig.FILE_NAME), String.join("\n",
                "rules:",
                "  MS126: off",
                "  MS121: note",
                "exclude: [\"src/vendor\"]",
                "entry: [\"*_ioctl\", \"main\"]",
                "untrusted: [\"my_recv\"]",
                "data-model: LP64",
                "budgets: {ms: 4000, steps: 500000}",
                "fail-on: none",
                "colour: blue",
                ""));
        ScanRun r = ScanRun.sarif(tmp.resolve("o.sarif"), "--source-root", t.toString(), t.resolve("src").toString());
        // v.c excluded; strcpy's over-read side is not what MS121 reports: three stack overflows remain, as notes
        List<String> rules = new ArrayList<>();
        for (JsonNode res : r.results()) {
            rules.add(res.get("ruleId").asText());
            assertThat(res.get("level").asText()).isEqualTo("note");
            assertThat(res.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).doesNotContain("vendor");
        }
        assertThat(rules).containsOnly("MS121").hasSize(3);
        assertThat(r.exitStatus()).isZero();
        assertThat(r.run().at("/invocations/0/toolExecutionNotifications").toString()).contains("unknown setting 'colour' ignored");
        assertThat(r.run().at("/tool/driver/rules").toString()).contains("\"enabled\":false");
        // flags override the file
        assertThat(ScanRun.sarif(tmp.resolve("p.sarif"), "--fail-on", "any", "--source-root", t.toString(), t.resolve("src").toString()).exitStatus()).isEqualTo(1);

        ScanConfig c = ScanConfig.read(t.resolve(ScanConfig.FILE_NAME));
        assertThat(c.entryGlobs()).containsExactly("*_ioctl", "main");
        assertThat(c.untrustedSources()).containsExactly("my_recv");
        assertThat(c.budgetMillis()).isEqualTo(4000L);
        assertThat(c.budgetSteps()).isEqualTo(500000L);
        assertThat(c.excluded("src/vendor/deep/x.c")).isTrue();
        assertThat(c.excluded("src/main.c")).isFalse();

        Files.writeString(t.resolve(ScanConfig.FILE_NAME), "rules: [MS121\n");
        assertThat(io.memsafe.cli.Main.run("scan", "--source-root", t.toString(), t.resolve("src").toString())).isEqualTo(2);
        Files.writeString(t.resolve(ScanConfig.FILE_NAME), "rules: {MS121: loud}\n");
        assertThat(io.memsafe.cli.Main.run("scan", "--source-root", t.toString(), t.resolve("src").toString())).isEqualTo(2);
    }

    @Test
    void configEntryGlobsReachTheAnalysisAsEntryDoes(@TempDir Path tmp) throws IOException {
        Path t = tmp.resolve("t");
        Files.createDirectories(t);
        // n is a parameter: evidence only when an attacker calls handle()
        Files.writeString(t.resolve("api.c"), "void handle(int n) {\n    char b[4];\n    b[n] = 0;\n}\n");
        assertThat(ScanRun.sarif(tmp.resolve("a.sarif"), "--no-config", t.toString()).results().size()).isZero();
        Files.writeString(t.resolve(ScanConfig.FILE_NAME), "entry: [\"hand*\"]\n");
        assertThat(ScanRun.sarif(tmp.resolve("b.sarif"), t.toString()).results().size()).isEqualTo(1);
        assertThat(ScanRun.sarif(tmp.resolve("c.sarif"), "--entry", "handle", "--no-config", t.toString()).results().size()).isEqualTo(1);
    }
}
