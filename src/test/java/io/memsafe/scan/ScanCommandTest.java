package io.memsafe.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {
    private static final Path EXAMPLE = Path.of("examples/overflow.c");

    @Test
    void exitStatusFollowsTheLinterConvention(@TempDir Path tmp) throws IOException {
        Path clean = tmp.resolve("clean.c");
        Files.writeString(clean, "int f(void) { int a[4]; a[3] = 1; return a[3]; }\n");
        assertThat(Main.run("scan", "-o", tmp.resolve("a.txt").toString(), clean.toString())).isEqualTo(0);
        assertThat(Main.run("scan", "-o", tmp.resolve("b.txt").toString(), EXAMPLE.toString())).isEqualTo(1);
        assertThat(Main.run("scan", tmp.resolve("missing.c").toString())).isEqualTo(2);
        assertThat(Main.run("scan", "--format", "xml", EXAMPLE.toString())).isEqualTo(2);
        // html is a directory of pages: it needs -o
        assertThat(Main.run("scan", "--format", "html", EXAMPLE.toString())).isEqualTo(2);
        assertThat(Main.run("scan", "--fail-on", "sometimes", EXAMPLE.toString())).isEqualTo(2);
    }

    @Test
    void sarifIsDeterministicWhateverTheJobs(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a.sarif"), b = tmp.resolve("b.sarif");
        Main.run("scan", "--format", "sarif", "--jobs", "1", "-o", a.toString(), EXAMPLE.toString());
        Main.run("scan", "--format", "sarif", "--jobs", "4", "-o", b.toString(), EXAMPLE.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void sarifCarriesCweTagsLocationsAndTraces(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("o.sarif");
        Main.run("scan", "--format", "sarif", "-o", out.toString(), EXAMPLE.toString());
        JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
        assertThat(run.at("/tool/driver/rules").size()).isGreaterThanOrEqualTo(7);
        for (JsonNode rule : run.at("/tool/driver/rules")) {
            assertThat(rule.at("/properties/tags").toString()).contains("external/cwe/cwe-");
        }
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(4);
        for (JsonNode r : results) {
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            assertThat(r.at("/codeFlows/0/threadFlows/0/locations").size()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void compileCommandsGiveEachUnitItsFlags(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("inc"));
        Files.writeString(tmp.resolve("inc/size.h"), "#define N 4\n");
        Files.writeString(tmp.resolve("a.c"), "#include \"size.h\"\nvoid f(void) { char b[N]; b[LIMIT] = 0; }\n");
        Files.writeString(tmp.resolve("compile_commands.json"), "[{\"directory\": \"" + tmp + "\", \"file\": \"a.c\", "
                + "\"command\": \"cc -Iinc -DLIMIT=4 -c a.c\"}]");
        Path out = tmp.resolve("o.json");
        int rc = Main.run("scan", "--compile-commands", tmp.resolve("compile_commands.json").toString(), "--format", "json", "-o", out.toString());
        assertThat(rc).isEqualTo(1);
        JsonNode f = new ObjectMapper().readTree(out.toFile()).get("findings").get(0);
        assertThat(f.get("cwe").asInt()).isEqualTo(121);
        assertThat(f.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aNullDereferenceSaysWhereThePointerWasSetToNull(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("n.c"), out = tmp.resolve("o.json");
        Files.writeString(src, """
                struct hdr { int type; };
                static struct hdr *headers;
                int count(unsigned n) {
                    struct hdr *h;
                    unsigned i;
                    int c = 0;
                    headers = 0;
                    for (i = 0, h = headers; i < n; i++, h++)
                        if (h->type == 3) c++;
                    return c;
                }
                """);
        Main.run("scan", "--format", "json", "-o", out.toString(), src.toString());
        JsonNode finding = new ObjectMapper().readTree(out.toFile()).get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("MS476");
        assertThat(finding.get("message").asText()).contains("'headers' is set to NULL at line 7");
        assertThat(finding.get("trace").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(finding.get("trace").get(0).get("message").asText()).isEqualTo("'headers' is set to NULL here");
    }

    @Test
    void aCopyIntoAMemberArrayNamesTheMemberNotTheStruct(@TempDir Path tmp) throws IOException {
        // the string may be longer than the whole struct too; the bound it passes first is the member's
        Path src = tmp.resolve("m.c"), out = tmp.resolve("o.json");
        Files.writeString(src, """
                #include <string.h>
                struct req { char name[16]; int flags; char pad[20]; };
                int set(struct req *r, const char *arg) { strcpy(r->name, arg); return r->flags; }
                int main(int argc, char **argv) { struct req q; q.flags = 0; return set(&q, argv[1]); }
                """);
        Main.run("scan", "--format", "json", "-o", out.toString(), src.toString());
        JsonNode findings = new ObjectMapper().readTree(out.toFile()).get("findings");
        assertThat(findings.size()).isEqualTo(1);
        assertThat(findings.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(findings.get(0).get("message").asText()).contains("member 'name' (char[16], 16 bytes) of 'q'")
                .contains("ends past its 16 bytes").contains("from argv at line 4");
    }

    @Test
    void aCopyFromAMemberArrayPlusAnOffsetIsAnalysedToTheEnd(@TempDir Path tmp) throws IOException {
        // the offset check for library reads looks at a local pointer plus an offset: a member array of what the
        // pointer designates (pk->payload + off) is not one, and once stopped the whole function's analysis
        Path src = tmp.resolve("p.c"), out = tmp.resolve("o.json");
        Files.writeString(src, """
                #include <string.h>
                #include <stdint.h>
                struct pkt { uint8_t hdr[4]; uint8_t payload[60]; };
                int f(const uint8_t *buf, size_t len) {
                    const struct pkt *pk = (const struct pkt *)buf;
                    uint32_t v;
                    size_t off = buf[0];
                    if (off > len) return -1;
                    memcpy(&v, pk->payload + off, 4);
                    return (int)v;
                }
                """);
        Main.run("scan", "--format", "json", "-o", out.toString(), src.toString());
        assertThat(new ObjectMapper().readTree(out.toFile()).get("diagnostics").toString()).doesNotContain("stopped").doesNotContain("Exception");
    }

    @Test
    void textOutputShowsSourceLineAndCaret(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("o.txt");
        Main.run("scan", "-o", out.toString(), EXAMPLE.toString());
        String text = Files.readString(out);
        assertThat(text).contains("examples/overflow.c:17:5: error:").contains("[CWE-121]")
                .contains("    strcat(buffer, name);").contains("\n    ^\n");
    }

    @Test
    void aRootOutOfBudgetIsAnalysedAgainOnItsOwnWithANote(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("b.c");
        Files.writeString(src, String.join("\n",
                "static int work(int n) { int s = 0; for (int i = 0; i < n; i++) s += i * i; return s; }",
                "void f(void) {",
                "    char b[4];",
                "    int w = work(1000) + work(2000) + work(3000);",
                "    b[4] = (char) w;",
                "}", ""));
        Path out = tmp.resolve("o.json");
        int rc = Main.run("scan", "--budget-steps", "40", "--format", "json", "-o", out.toString(), src.toString());
        assertThat(rc).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        // f with its callees in context needs more than 40 steps; on its own (calls havocked) it does not
        assertThat(doc.get("findings").size()).isEqualTo(1);
        assertThat(doc.at("/findings/0/line").asInt()).isEqualTo(5);
        assertThat(doc.get("diagnostics").toString()).contains("analysis of f() in calling context stopped")
                .contains("analysed again on its own, without following its calls");
    }

    @Test
    void aRootsRoomForCalleeAnalysesFollowsItsLanguage(@TempDir Path tmp) throws IOException {
        // a root calls 80 distinct helpers, then one whose overflow depends on the argument it is given: a C
        // root has room for 150 callee analyses and follows the last call; a C++ root has room for 60, so the
        // last call is havocked as an unknown one, and the helper analysed on its own has no index to judge
        StringBuilder c = new StringBuilder("static void put(char *b, int i) { b[i] = 0; }\n");
        for (int k = 0; k < 80; k++) c.append("static int f").append(k).append("(int x) { return x + ").append(k).append("; }\n");
        c.append("int run(int x) {\n  char b[8];\n  int s = 0;\n");
        for (int k = 0; k < 80; k++) c.append("  s += f").append(k).append("(x);\n");
        c.append("  put(b, 8);\n  return s;\n}\n");
        for (String name : new String[] {"calls.c", "calls.cpp"}) {
            Path src = tmp.resolve(name);
            Files.writeString(src, c.toString());
            Path out = tmp.resolve(name + ".json");
            int rc = Main.run("scan", src.toString(), "--no-cache", "--format", "json", "-o", out.toString());
            JsonNode doc = new ObjectMapper().readTree(out.toFile());
            if (name.endsWith(".c")) {
                assertThat(rc).isEqualTo(1);
                assertThat(doc.get("findings").size()).isEqualTo(1);
                assertThat(doc.at("/findings/0/line").asInt()).isEqualTo(1);
                assertThat(doc.at("/findings/0/message").asText()).contains("offset 8");
            } else {
                assertThat(rc).isEqualTo(0);
                assertThat(doc.get("findings").size()).isZero();
            }
        }
    }

    @Test
    void aStringANamedEntryPointTakesEndsWhereItsCallerLikes(@TempDir Path tmp) throws IOException {
        // a byte pointer with no length beside it: in a function the user names an entry point, the caller
        // chooses the string's length, as with argv; in any other function it is no evidence
        Path src = tmp.resolve("names.c");
        Files.writeString(src, String.join("\n",
                "#include <stdlib.h>",
                "#include <string.h>",
                "int keep_name(const char *s) { char buf[16]; strcpy(buf, s); return buf[0]; }",
                "char *dup_name(const char *s) {",
                "    unsigned short len = strlen(s);",
                "    char *b = malloc(len + 1);",
                "    if (!b) return NULL;",
                "    strcpy(b, s);",
                "    return b;",
                "}",
                "int keep_checked(const char *s) {",
                "    char buf[16];",
                "    size_t n = strlen(s);",
                "    if (n >= sizeof buf) return -1;",
                "    memcpy(buf, s, n + 1);",
                "    return buf[0];",
                "}",
                "char *dup_whole(const char *s) { char *b = malloc(strlen(s) + 1); if (b) strcpy(b, s); return b; }", ""));
        Path named = tmp.resolve("named.json"), plain = tmp.resolve("plain.json");
        assertThat(Main.run("scan", src.toString(), "--no-cache", "--entry", "keep_*", "--entry", "dup_*", "--format", "json", "-o", named.toString()))
                .isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(named.toFile()).get("findings");
        assertThat(findings.size()).isEqualTo(2);
        assertThat(findings.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(findings.get(0).get("message").asText()).contains("the length of input string 's' of entry point keep_name()");
        assertThat(findings.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(findings.get(1).get("message").asText()).contains("does not fit the unsigned 16-bit type");
        assertThat(Main.run("scan", src.toString(), "--no-cache", "--format", "json", "-o", plain.toString())).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(plain.toFile()).get("findings").size()).isZero();
    }

    @Test
    void aBufferANamedEntryPointTakesIsAsLongAsTheIntegerThatFollowsIt(@TempDir Path tmp) throws IOException {
        // the integer after a buffer, used as its length, is its length in a named entry point too: the index
        // snprintf's result gives is checked against it, or reported when it is not
        Path src = tmp.resolve("marks.c");
        Files.writeString(src, String.join("\n",
                "#include <stdio.h>",
                "int mark_unchecked(char *buf, size_t size, const char *a) { int n = snprintf(buf, size, \"%s\", a); buf[n] = 'x'; return n; }",
                "int mark_checked(char *buf, size_t size, const char *a) {",
                "    int n = snprintf(buf, size, \"%s\", a);",
                "    if (n < 0 || (size_t)n >= size) return -1;",
                "    buf[n] = 'x';",
                "    return n;",
                "}", ""));
        Path out = tmp.resolve("marks.json");
        assertThat(Main.run("scan", src.toString(), "--no-cache", "--entry", "mark_*", "--format", "json", "-o", out.toString())).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(out.toFile()).get("findings");
        assertThat(findings.size()).isEqualTo(1);
        assertThat(findings.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(findings.get(0).get("message").asText()).contains("input buffer 'buf' of mark_unchecked()")
                .contains("the length of the whole output snprintf() formats");
    }

    @Test
    void aFileCompiledTwiceIsAnalysedOnce(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.c"), String.join("\n",
                "static int twice(int x) { return 2 * x; }",
                "void f(void) { char b[4]; b[twice(2)] = 0; }", ""));
        // one file in two targets (a shared and a static library), with other flags
        Files.writeString(tmp.resolve("compile_commands.json"), "["
                + "{\"directory\": \"" + tmp + "\", \"file\": \"a.c\", \"command\": \"cc -DSHARED -c a.c\"},"
                + "{\"directory\": \"" + tmp + "\", \"file\": \"a.c\", \"command\": \"cc -DSTATIC -c a.c\"}]");
        Path out = tmp.resolve("o.json");
        int rc = Main.run("scan", "--compile-commands", tmp.resolve("compile_commands.json").toString(), "--format", "json", "-o", out.toString());
        assertThat(rc).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        // the second copy's definitions are the first's: two functions, not four (the copy of f would be a root of its own)
        assertThat(doc.get("functions").asInt()).isEqualTo(2);
        assertThat(doc.get("findings").size()).isEqualTo(1);
        assertThat(doc.at("/findings/0/line").asInt()).isEqualTo(2);
    }

    @Test
    void rootsSharingCalleesGiveTheSameSarifWhateverTheJobs(@TempDir Path tmp) throws IOException {
        // many roots call the same helpers with the same and with different inputs: callee analyses are
        // shared between roots running in parallel, which must not change what is reported, nor how
        StringBuilder c = new StringBuilder("#include <string.h>\n"
                + "static void put(char *b, int i) { b[i] = 0; }\n"
                + "static void fill(char *b, int n) { for (int i = 0; i < n; i++) put(b, i); }\n"
                + "static void copy(char *d, const char *s) { strcpy(d, s); }\n");
        for (int k = 0; k < 24; k++) {
            c.append("void api").append(k).append("(void) { char b[8]; fill(b, ").append(k % 3 == 0 ? 9 : 8)
                    .append("); copy(b, \"").append("x".repeat(k % 10)).append("\"); }\n");
        }
        Path src = tmp.resolve("api.c");
        Files.writeString(src, c.toString());
        byte[] first = sameSarifEveryRun(tmp, src, 1, new String[] {"1"}, new String[] {"2"}, new String[] {"4"}, new String[] {"3"});
        JsonNode results = new ObjectMapper().readTree(first).at("/runs/0/results");
        // put() overflows when fill() runs to 9; strcpy() when the literal has 8 or 9 characters
        assertThat(results.toString()).contains("call to fill()").contains("call to put()").contains("call to copy()");
        assertThat(results.size()).isEqualTo(2);
        // keys in a fixed order: a map whose order changes between JVM runs would not show within one run
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
                .containsSubsequence("\"help\" : {", "\"text\" : \"Stack-based", "\"markdown\" : \"**Stack-based");
    }

    @Test
    void untrustedMembersGiveTheSameSarifWhateverTheJobs(@TempDir Path tmp) throws IOException {
        // parsers store wire-format lengths into members through a shared helper, readers in other roots
        // copy with them: the members' facts are gathered from every root, in whatever order they ran
        StringBuilder c = new StringBuilder("#include <string.h>\n#include <stdint.h>\n"
                + "struct rec { uint16_t len; uint16_t kind; unsigned char *data; };\n"
                + "static uint16_t rd16(const unsigned char *p) { return (uint16_t) (p[0] << 8 | p[1]); }\n"
                + "static void set_len(struct rec *r, const unsigned char *m) { r->len = rd16(m); }\n");
        for (int k = 0; k < 12; k++) {
            c.append("int parse").append(k).append("(struct rec *r, const unsigned char *m) { set_len(r, m + ").append(k)
                    .append("); r->kind = ").append(k).append("; r->data = (unsigned char *) m; return 0; }\n");
            c.append("int emit").append(k).append("(const struct rec *r) { unsigned char b[").append(64 + k).append("]; ")
                    .append(k % 2 == 0 ? "" : "if (r->len > sizeof b) return -1; ")
                    .append("memcpy(b, r->data, r->len); return b[0]; }\n");
        }
        Path src = tmp.resolve("rec.c");
        Files.writeString(src, c.toString());
        // a cold cache, the warm cache (phase-one roots from it), then no cache at all
        String cache = tmp.resolve("cache").toString();
        byte[] first = sameSarifEveryRun(tmp, src, 1, new String[] {"1", "--cache", cache}, new String[] {"2", "--cache", cache},
                new String[] {"4", "--no-cache"}, new String[] {"3", "--no-cache"});
        JsonNode results = new ObjectMapper().readTree(first).at("/runs/0/results");
        // the unchecked readers (even k) overflow; the message names the member and where it was stored
        assertThat(results.size()).isEqualTo(6);
        assertThat(results.toString()).contains("member rec.len").contains("untrusted value stored into member");
    }

    /** Scans {@code src} once per run ({jobs, options...}): each exits with {@code status} and writes the same SARIF bytes, returned. */
    private static byte[] sameSarifEveryRun(Path tmp, Path src, int status, String[]... runs) throws IOException {
        byte[] first = null;
        for (String[] run : runs) {
            Path out = tmp.resolve("o" + run[0] + ".sarif");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", "--format", "sarif", "--jobs", run[0], "-o", out.toString()));
            args.addAll(java.util.List.of(run).subList(1, run.length));
            args.add(src.toString());
            assertThat(Main.run(args.toArray(String[]::new))).as(String.join(" ", run)).isEqualTo(status);
            byte[] now = Files.readAllBytes(out);
            if (first == null) first = now;
            else assertThat(now).as(String.join(" ", run)).isEqualTo(first);
        }
        return first;
    }
}
