package io.memsafe.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SARIF with everything this issue adds (relative locations, fingerprints, baseline states including
 * absent results, suppressions of both kinds, stale-suppression notes) passes Microsoft's SARIF Multitool
 * with GitHub's ingestion rules. {@code .ci/run} installs the tool (npm) and names it in SARIF_MULTITOOL;
 * without it the test is skipped, except under CI.
 */
class SarifValidationTest {
    @Test
    void sarifPassesTheMultitoolWithGitHubRules(@TempDir Path tmp) throws Exception {
        String tool = System.getenv("SARIF_MULTITOOL");
        boolean present = tool != null && Files.isExecutable(Path.of(tool));
        if (System.getenv("CI") == null) Assumptions.assumeTrue(present, "SARIF_MULTITOOL is not set");
        assertThat(present).as("SARIF_MULTITOOL names the Multitool binary").isTrue();

        Path v1 = FingerprintAndBaselineTest.tree(tmp.resolve("v1"), FingerprintAndBaselineTest.LIB, FingerprintAndBaselineTest.MAIN);
        Path base = tmp.resolve("base.sarif");
        ScanRun.sarif(base, v1.resolve("src").toString());
        String lib = FingerprintAndBaselineTest.LIB.replace("i <= 4", "i < 4")
                .replace("    strcpy(name, \"far too long\");", "    // memsafe-ignore MS121: demo of an in-source suppression\n    strcpy(name, \"far too long\");")
                + "void tail(void) {\n    char t[3];\n    t[3] = 0; // memsafe-ignore MS416: stale\n}\n";
        Path v2 = FingerprintAndBaselineTest.tree(tmp.resolve("v2"), lib, FingerprintAndBaselineTest.MAIN);
        String mainFp = null;
        for (JsonNode r : ScanRun.sarif(tmp.resolve("probe.sarif"), v2.resolve("src").toString()).results()) {
            if (r.at("/properties/memsafe~1function").asText().equals("main")) mainFp = r.at("/partialFingerprints/memsafe~1v1").asText();
        }
        Path supp = tmp.resolve("s.yml");
        Files.writeString(supp, "- fingerprint: \"" + mainFp + "\"\n  reason: reviewed\n- fingerprint: \"ffff:1\"\n  reason: stale\n");
        Path sarif = tmp.resolve("full.sarif");
        ScanRun run = ScanRun.sarif(sarif, "--baseline", base.toString(), "--suppressions", supp.toString(), v2.resolve("src").toString());
        String text = run.results().toString();
        assertThat(text).contains("\"baselineState\":\"absent\"", "\"baselineState\":\"new\"", "\"baselineState\":\"unchanged\"",
                "\"kind\":\"inSource\"", "\"kind\":\"external\"");
        for (JsonNode r : run.results()) assertThat(r.at("/partialFingerprints/memsafe~1v1").asText()).isNotEmpty();

        Path log = tmp.resolve("validation.sarif");
        Process p = new ProcessBuilder(List.of(tool, "validate", sarif.toString(), "--rule-kind", "Gh;Sarif",
                "--output", log.toString(), "--log", "ForceOverwrite"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("multitool.txt").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("multitool.txt"))).isZero();
        JsonNode results = new ObjectMapper().readTree(log.toFile()).at("/runs/0/results");
        StringBuilder found = new StringBuilder();
        for (JsonNode r : results) found.append(r.get("ruleId").asText()).append(": ").append(r.at("/message").toString()).append('\n');
        assertThat(results.size()).as(found.toString()).isZero();
    }

}
