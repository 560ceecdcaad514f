package io.memsafe.scan;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each form of suppression, and the stale ones reported. */
class SuppressionsTest {
    private static final String SRC = String.join("\n",
            "void on_the_line(void) {",
            "    char a[2];",
            "    a[2] = 0; // memsafe-ignore MS121: a[] is padded by the allocator (reviewed)",
            "}",
            "void above(void) {",
            "    char b[2];",
            "    // memsafe-ignore MS121: checked by the caller",
            "    b[2] = 0;",
            "}",
            "void by_file(void) {",
            "    char c[2];",
            "    c[2] = 0;",
            "}",
            "void reported(void) {",
            "    char d[2];",
            "    d[2] = 0;",
            "}",
            "void wrong_rule(void) {",
            "    char e[2];",
            "    e[2] = 0; /* memsafe-ignore MS416: not this rule */",
            "}",
            "void fixed(void) {",
            "    char f[2];",
            "    f[1] = 0; // memsafe-ignore MS121: was f[2] once",
            "}",
            "");

    @Test
    void suppressedFindingsStayInTheReportWithTheirJustification(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("s.c");
        Files.writeString(src, SRC);
        ScanRun plain = ScanRun.sarif(tmp.resolve("p.sarif"), "--no-config", src.toString());
        String byFileFp = null;
        for (JsonNode r : plain.results()) {
            if (r.at("/properties/memsafe~1function").asText().equals("by_file")) byFileFp = r.at("/partialFingerprints/memsafe~1v1").asText();
        }
        assertThat(byFileFp).isNotNull();
        Path file = tmp.resolve("suppressions.yml");
        Files.writeString(file, String.join("\n",
                "suppressions:",
                "  - fingerprint: \"" + byFileFp + "\"",
                "    rule: MS121",
                "    reason: \"c[] is never reached with this size (ticket 12)\"",
                "  - fingerprint: \"0000000000000000:1\"",
                "    reason: a finding fixed long ago",
                ""));
        ScanRun r = ScanRun.sarif(tmp.resolve("s.sarif"), "--suppressions", file.toString(), src.toString());
        assertThat(r.results().size()).isEqualTo(5);
        int suppressed = 0;
        for (JsonNode res : r.results()) {
            String fn = res.at("/properties/memsafe~1function").asText();
            JsonNode s = res.path("suppressions");
            switch (fn) {
                case "on_the_line" -> assertThat(s.toString()).contains("\"kind\":\"inSource\"", "padded by the allocator (reviewed)");
                case "above" -> assertThat(s.toString()).contains("\"kind\":\"inSource\"", "checked by the caller");
                case "by_file" -> assertThat(s.toString()).contains("\"kind\":\"external\"", "ticket 12");
                default -> assertThat(s.isMissingNode()).as(fn).isTrue();
            }
            if (!s.isMissingNode()) suppressed++;
        }
        assertThat(suppressed).isEqualTo(3);
        assertThat(r.summary().get("suppressed").asInt()).isEqualTo(3);
        assertThat(r.summary().get("staleSuppressions").asInt()).isEqualTo(3);
        String notes = r.run().at("/invocations/0/toolExecutionNotifications").toString();
        // the comment for another rule, the one over fixed code, and the file entry that matches nothing
        assertThat(notes).contains("stale suppression: 'memsafe-ignore MS416'", "stale suppression: fingerprint 0000000000000000:1");
        assertThat(r.run().at("/invocations/0/toolExecutionNotifications").findValues("startLine").toString()).contains("20", "24");
        // two findings left: the scan still fails, and passes once they are suppressed too
        assertThat(r.exitStatus()).isEqualTo(1);
        Path all = tmp.resolve("all.c");
        Files.writeString(all, "void g(void) {\n    char a[2];\n    a[2] = 0; // memsafe-ignore *: demo\n}\n");
        ScanRun quiet = ScanRun.sarif(tmp.resolve("q.sarif"), all.toString());
        assertThat(quiet.exitStatus()).isZero();
        assertThat(quiet.results().size()).isEqualTo(1);
    }

    @Test
    void textReportCountsSuppressedFindings(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("s.c");
        Files.writeString(src, SRC);
        Path out = tmp.resolve("o.txt");
        io.memsafe.cli.Main.run("scan", "-o", out.toString(), src.toString());
        String text = Files.readString(out);
        assertThat(text).contains("note: suppressed MS121 (comment at line 3): a[] is padded by the allocator (reviewed)")
                .contains("warning: stale suppression")
                .contains("5 findings (2 suppressed; 2 stale suppressions) in 1 file");
    }
}
