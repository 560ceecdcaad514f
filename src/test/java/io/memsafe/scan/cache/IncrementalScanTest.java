package io.memsafe.scan.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.ScanCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result cache: a rescan analyses again only the roots that can reach an edit (in their own file,
 * in a callee's file, in a header), and its SARIF is byte for byte that of a scan without the cache.
 * Three roots: {@code a_entry} (a.c) calls {@code fill} (fill.c; its count comes before the buffer, so it
 * is no buffer-and-length entry point, which would be a root of its own); {@code c_entry} (c.c) and both of
 * those include util.h, which includes sizes.h; {@code b_entry} (b.c) includes nothing.
 */
class IncrementalScanTest {
    @TempDir
    Path dir;
    Path src;
    Path cache;

    @BeforeEach
    void tree() throws IOException {
        src = dir.resolve("src");
        cache = dir.resolve("cache");
        Files.createDirectories(src);
        write("util.h", "#include \"sizes.h\"\nvoid fill(int n, char *p);\n");
        write("sizes.h", "#define BUF_LEN 8\n");
        write("fill.c", "#include \"util.h\"\nvoid fill(int n, char *p) {\n    for (int i = 0; i < n; i++) p[i] = 'a';\n}\n");
        write("a.c", "#include \"util.h\"\nvoid a_entry(void) {\n    char buf[BUF_LEN];\n    fill(8, buf);\n}\n");
        write("b.c", "void b_entry(void) {\n    char x[4];\n    x[4] = 0;\n}\n");
        write("c.c", "#include \"util.h\"\nvoid c_entry(void) {\n    char small[4];\n    small[BUF_LEN - 5] = 0;\n}\n");
    }

    @Test
    void unchangedTreeTakesEveryRootFromTheCache() throws IOException {
        Scan cold = scan("--cache", cache.toString());
        assertThat(cold.use).isEqualTo(new ScanCommand.CacheUse(0, 3));
        assertThat(cold.units).isEqualTo(new ScanCommand.UnitUse(0, 4));
        assertThat(cache.resolve(ResultCache.FILE_NAME)).exists();
        assertThat(cache.resolve(UnitCache.FILE_NAME)).exists();
        assertThat(cache.resolve(".gitignore")).content().contains("*");
        Scan warm = scan("--cache", cache.toString());
        assertThat(warm.use).isEqualTo(new ScanCommand.CacheUse(3, 0));
        // nothing parsed: a.c, b.c, c.c and fill.c come from the cache
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(4, 0));
        assertThat(warm.sarif).isEqualTo(cold.sarif);
        assertThat(warm.sarif).isEqualTo(scan("--no-cache").sarif);
        assertThat(cold.findings()).containsExactly("b.c:3");
    }

    @Test
    void editingACalleeInAnotherFileReanalysesItsCallersOnly() throws IOException {
        // a_entry reaches fill.c; b_entry and c_entry do not
        Scan warm = rescanAfter("fill.c", "#include \"util.h\"\nvoid fill(int n, char *p) {\n    for (int i = 0; i <= n; i++) p[i] = 'a';\n}\n",
                new ScanCommand.CacheUse(2, 1));
        assertThat(warm.findings()).containsExactly("b.c:3", "fill.c:3");
        // fill.c only is parsed: a.c, whose root calls fill, comes from the cache and links to the new fill
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(3, 1));
    }

    @Test
    void editingANestedHeaderReanalysesTheRootsWhoseUnitsIncludeIt() throws IOException {
        // a.c, c.c and fill.c include util.h, which includes sizes.h: a_entry and c_entry again; b_entry from the cache
        Scan warm = rescanAfter("sizes.h", "#define BUF_LEN 9\n", new ScanCommand.CacheUse(1, 2));
        assertThat(warm.findings()).containsExactly("b.c:3", "c.c:4");
        // a.c, c.c and fill.c read sizes.h and are parsed again; b.c is not
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(1, 3));
        assertThat(warm.sarif).isEqualTo(scan("--no-cache", "--jobs", "1").sarif);
    }

    @Test
    void anEditInOneFunctionOfAUnityBuildReanalysesOnlyTheRootsThatReachIt() throws IOException {
        // curl's unity build: one unit includes every file of the library, and is listed first, so its
        // copies of the functions are the ones analysed; a digest per unit would change with any edit
        write("all.c", "#include \"one.c\"\n#include \"two.c\"\n");
        write("one.c", "void one_entry(void) {\n    char b[4];\n    b[2] = 0;\n}\nvoid one_other(void) {\n    char c[4];\n    c[1] = 0;\n}\n");
        write("two.c", "void two_entry(void) {\n    char d[4];\n    d[3] = 0;\n}\n");
        scan("--cache", cache.toString());
        // the body of one_entry only, on the same lines: the other five roots' results stay
        write("one.c", "void one_entry(void) {\n    char b[4];\n    b[4] = 0;\n}\nvoid one_other(void) {\n    char c[4];\n    c[1] = 0;\n}\n");
        Scan warm = scan("--cache", cache.toString());
        assertThat(warm.use).isEqualTo(new ScanCommand.CacheUse(5, 1));
        assertThat(warm.findings()).containsExactly("b.c:3", "one.c:3");
        assertThat(warm.sarif).isEqualTo(scan("--no-cache").sarif);
        // a line inserted above both functions of one.c moves them: both again, two.c's from the cache
        write("one.c", "/* moved */\nvoid one_entry(void) {\n    char b[4];\n    b[4] = 0;\n}\nvoid one_other(void) {\n    char c[4];\n    c[1] = 0;\n}\n");
        Scan moved = scan("--cache", cache.toString());
        assertThat(moved.use).isEqualTo(new ScanCommand.CacheUse(4, 2));
        assertThat(moved.findings()).containsExactly("b.c:3", "one.c:4");
        assertThat(moved.sarif).isEqualTo(scan("--no-cache").sarif);
    }

    @Test
    void aRootWhoseAnalysisNeverEnteredTheEditedFunctionKeepsItsResult() throws IOException {
        // chain_entry calls c1 ... c7; calls are followed six levels deep, so c7 is analysed as a root of
        // its own (second wave) and chain_entry's analysis never reads c7's statements
        write("chain.c", chain("x[3] = 0;"));
        Scan cold = scan("--cache", cache.toString());
        assertThat(cold.use.analysed()).isEqualTo(5);
        write("chain.c", chain("x[4] = 0;"));
        Scan warm = scan("--cache", cache.toString());
        // c7 again; chain_entry (which can reach c7 but did not read it), a_entry, b_entry, c_entry from the cache
        assertThat(warm.use).isEqualTo(new ScanCommand.CacheUse(4, 1));
        assertThat(warm.findings()).containsExactly("b.c:3", "chain.c:10");
        assertThat(warm.sarif).isEqualTo(scan("--no-cache").sarif);
        // a call added to c7 changes the call graph chain_entry reaches: it is analysed again too
        write("chain.c", chain("x[4] = 0; c1();"));
        assertThat(scan("--cache", cache.toString()).use).isEqualTo(new ScanCommand.CacheUse(3, 2));
    }

    @Test
    void editingAHeaderTwoUnitsIncludeParsesThoseTwoOnly() throws IOException {
        write("limits.h", "#define LIM 4\n");
        write("p.c", "#include \"limits.h\"\nvoid p_entry(void) {\n    char b[4];\n    b[LIM - 1] = 0;\n}\n");
        write("q.c", "#include \"limits.h\"\nvoid q_entry(void) {\n    char b[8];\n    b[LIM] = 0;\n}\n");
        Scan cold = scan("--cache", cache.toString());
        assertThat(cold.units).isEqualTo(new ScanCommand.UnitUse(0, 6));
        write("limits.h", "#define LIM 8\n");
        Scan warm = rescanReporting("b.c:3", "p.c:4", "q.c:4");
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(4, 2));
        assertThat(warm.use).isEqualTo(new ScanCommand.CacheUse(3, 2));
    }

    @Test
    void aUnitFromTheCacheLinksToTheGlobalsOfTheUnitsParsedAgain() throws IOException {
        // h.c's code reads the global g.c defines: taken from the cache, it must see the new initial value
        write("g.c", "int lim = 4;\nvoid g_entry(void) {\n}\n");
        write("h.c", "extern int lim;\nvoid h_entry(void) {\n    char b[4];\n    b[lim] = 0;\n}\n");
        assertThat(scan("--cache", cache.toString()).findings()).containsExactly("b.c:3", "h.c:4");
        write("g.c", "int lim = 3;\nvoid g_entry(void) {\n}\n");
        assertThat(rescanReporting("b.c:3").units).isEqualTo(new ScanCommand.UnitUse(5, 1));
        // and the other way: h.c parsed again, g.c (the definition) from the cache
        write("h.c", "extern int lim;\nvoid h_entry(void) {\n    char b[4];\n    b[lim + 1] = 0;\n}\n");
        assertThat(rescanReporting("b.c:3", "h.c:4").units).isEqualTo(new ScanCommand.UnitUse(5, 1));
    }

    @Test
    void aUnitWhoseCodeHoldsTheTypeAnotherUnitGaveAGlobalIsParsedAgainWhenThatTypeChanges() throws IOException {
        // h.c declares the array without a length; g.c, lowered before it (input order), gives it its type
        write("g.c", "char table[8];\n");
        write("h.c", "extern char table[];\nvoid h_entry(void) {\n    char *p = table;\n    p[5] = 1;\n}\n");
        scan("--cache", cache.toString());
        write("g.c", "char table[4];\n");
        Scan warm = rescanReporting("b.c:3", "h.c:4");
        // g.c changed; h.c's stored code holds char[8], so it is parsed again too
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(4, 2));
    }

    @Test
    void aHeaderAddedEarlierOnTheIncludePathIsSeen() throws IOException {
        // s.c found cfg.h in the second include directory; one put in the first must be the one read now
        Path inc1 = Files.createDirectories(dir.resolve("inc1")), inc2 = Files.createDirectories(dir.resolve("inc2"));
        Files.writeString(inc2.resolve("cfg.h"), "#define N 4\n");
        write("s.c", "#include <cfg.h>\nvoid s_entry(void) {\n    char b[N];\n    b[3] = 0;\n}\n");
        String[] flags = {"--cache", cache.toString(), "-I", inc1.toString(), "-I", inc2.toString()};
        assertThat(scan(flags).findings()).containsExactly("b.c:3");
        Files.writeString(inc1.resolve("cfg.h"), "#define N 2\n");
        Scan warm = scan(flags);
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(4, 1));
        assertThat(warm.findings()).containsExactly("b.c:3", "s.c:4");
    }

    @Test
    void storedCodeThatCannotBeReadIsParsedAgain() throws Exception {
        Scan cold = scan("--cache", cache.toString());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cache.resolve(UnitCache.FILE_NAME));
             java.sql.Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE units SET lowered = x'00ff00'")).isEqualTo(4);
        }
        Scan warm = scan("--cache", cache.toString());
        assertThat(warm.units).isEqualTo(new ScanCommand.UnitUse(0, 4));
        assertThat(warm.sarif).isEqualTo(cold.sarif);
    }

    private static String chain(String lastBody) {
        StringBuilder sb = new StringBuilder("void c1(void);\nvoid c7(void);\n");
        for (int i = 6; i >= 1; i--) sb.append("void c").append(i).append("(void) { c").append(i + 1).append("(); }\n");
        sb.append("void chain_entry(void) { c1(); }\n");
        return sb.append("void c7(void) { char x[4]; ").append(lastBody).append(" }\n").toString();
    }

    /** A rescan with the cache: it reports exactly {@code findings}, and its SARIF is that of a scan without the cache. */
    private Scan rescanReporting(String... findings) throws IOException {
        Scan warm = scan("--cache", cache.toString());
        assertThat(warm.findings()).containsExactly(findings);
        assertThat(warm.sarif).isEqualTo(scan("--no-cache").sarif);
        return warm;
    }

    /** A cached scan, one file rewritten, a rescan: its cache use, and the same SARIF as without the cache. */
    private Scan rescanAfter(String file, String text, ScanCommand.CacheUse expected) throws IOException {
        scan("--cache", cache.toString());
        write(file, text);
        Scan warm = scan("--cache", cache.toString());
        assertThat(warm.use).isEqualTo(expected);
        assertThat(warm.sarif).isEqualTo(scan("--no-cache").sarif);
        return warm;
    }

    @Test
    void analysisOptionsArePartOfTheKey() throws IOException {
        scan("--cache", cache.toString());
        assertThat(scan("--cache", cache.toString(), "--budget-steps", "999999").use).isEqualTo(new ScanCommand.CacheUse(0, 3));
        assertThat(scan("--cache", cache.toString(), "--entry", "a_*").use.reused()).isZero();
        // the earlier options' results are still there
        assertThat(scan("--cache", cache.toString()).use).isEqualTo(new ScanCommand.CacheUse(3, 0));
    }

    @Test
    void rootsCutShortByTheClockAreNotKept() throws IOException {
        // no time at all: a root that needs more than a few steps is stopped by the clock, on its own too
        scan("--cache", cache.toString(), "--budget-ms", "0");
        Scan again = scan("--cache", cache.toString(), "--budget-ms", "0");
        long cut = 0;
        for (JsonNode n : new ObjectMapper().readTree(again.sarif).at("/runs/0/invocations/0/toolExecutionNotifications")) {
            if (n.at("/message/text").asText().contains("time budget exceeded")) cut++;
        }
        assertThat(cut).isPositive();
        // the cut roots are analysed again, the others (fill, a root of its own when a_entry is cut) come from the cache
        assertThat(again.use.analysed()).isEqualTo(cut);
        assertThat(again.use.reused()).isPositive();
    }

    @Test
    void noCacheNeitherReadsNorWrites() throws IOException {
        Scan s = scan("--no-cache", "--cache", cache.toString());
        assertThat(s.use).isEqualTo(new ScanCommand.CacheUse(0, 0));
        assertThat(cache).doesNotExist();
    }

    private record Scan(byte[] sarif, ScanCommand.CacheUse use, ScanCommand.UnitUse units) {
        /** file:line of each result. */
        List<String> findings() throws IOException {
            List<String> out = new ArrayList<>();
            for (JsonNode r : new ObjectMapper().readTree(sarif).at("/runs/0/results")) {
                JsonNode pl = r.at("/locations/0/physicalLocation");
                out.add(pl.at("/artifactLocation/uri").asText() + ":" + pl.at("/region/startLine").asInt());
            }
            return out;
        }
    }

    private Scan scan(String... extra) throws IOException {
        Path out = dir.resolve("out.sarif");
        ScanCommand cmd = new ScanCommand();
        List<String> args = new ArrayList<>(List.of("--format", "sarif", "-o", out.toString(), "--source-root", src.toString()));
        args.addAll(List.of(extra));
        args.add(src.toString());
        int rc = new CommandLine(cmd).execute(args.toArray(String[]::new));
        assertThat(rc).isIn(0, 1);
        return new Scan(Files.readAllBytes(out), cmd.cacheUse(), cmd.unitUse());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(src.resolve(name), text);
    }
}
