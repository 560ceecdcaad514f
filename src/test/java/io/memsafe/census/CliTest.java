package io.memsafe.census;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.cli.Main;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands end to end: output formats, exit codes and messages for bad input. */
class CliTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private ObjectId smallRepo(Path dir) throws Exception {
        try (GitFixture git = new GitFixture(dir)) {
            ObjectId a = git.commit(Map.of("a.c", GitFixture.cLines("a", 4), "lib.rs", "unsafe fn f() {}\n"), "2024-01-10T00:00:00Z");
            ObjectId b = git.commit(Map.of("a.c", GitFixture.cLines("a", 4), "lib.rs", "unsafe fn f() {}\nfn g() {}\n"),
                    "2024-02-10T00:00:00Z", a);
            git.setBranch("main", b);
            return a;
        }
    }

    @Test
    void censusJsonOfABareRepositoryRevision() throws Exception {
        Path repo = tmp.resolve("r.git");
        ObjectId first = smallRepo(repo);
        assertThat(run("census", repo.toString(), "--rev", first.name(), "--format", "json")).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("commit").asText()).isEqualTo(first.name());
        assertThat(j.at("/languages/C/code").asLong()).isEqualTo(4);
        assertThat(j.at("/languages/C/files").asLong()).isEqualTo(1);
        assertThat(j.at("/languages/Rust/code").asLong()).isEqualTo(1);
        assertThat(j.get("memory_unsafe_share").asDouble()).isEqualTo(0.8);
        assertThat(j.at("/rust_unsafe/fns").asLong()).isEqualTo(1);
        assertThat(j.at("/rust_unsafe/unsafe_lines").asLong()).isEqualTo(1);
        assertThat(j.at("/rust_unsafe/share").asDouble()).isEqualTo(1.0);
        // HEAD of the bare repository without --rev
        assertThat(run("census", repo.toString(), "--format", "csv")).isZero();
        assertThat(stdout()).contains("Rust,memory-safe,1,0,0,2\n").startsWith("language,class,files,blank,comment,code\n");
    }

    @Test
    void historyJsonAndChartAndStore() throws Exception {
        Path repo = tmp.resolve("h.git");
        smallRepo(repo);
        Path chart = tmp.resolve("chart.png");
        assertThat(run("history", repo.toString(), "--format", "json", "--db", tmp.resolve("h.db").toString(),
                "--chart", chart.toString(), "--stats")).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.get("periods")).hasSize(2);
        JsonNode feb = j.get("periods").get(1);
        assertThat(feb.get("start").asText()).isEqualTo("2024-02-01");
        assertThat(feb.get("end").asText()).isEqualTo("2024-03-01");
        assertThat(feb.at("/languages/Rust").asLong()).isEqualTo(2);
        assertThat(feb.at("/added/Rust").asLong()).isEqualTo(1);
        assertThat(feb.get("new_unsafe_share").asDouble()).isEqualTo(0.0);
        assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(stderr()).contains("2 processed now");
        assertThat(run("history", repo.toString(), "--db", tmp.resolve("h.db").toString(), "--stats")).isZero();
        assertThat(stderr()).contains("0 processed now, 0 blobs counted now");
        // the chart's format follows the file name
        Path svg = tmp.resolve("chart.svg");
        assertThat(run("history", repo.toString(), "--db", tmp.resolve("h.db").toString(), "--chart", svg.toString())).isZero();
        String svgText = Files.readString(svg);
        assertThat(svgText).startsWith("<?xml").contains("<svg", "code base", "new code (lines added in the period)").endsWith("</svg>\n");
    }

    @Test
    void reportIsOneSelfContainedPage() throws Exception {
        Path repo = tmp.resolve("rep.git");
        smallRepo(repo);
        Path html = tmp.resolve("report.html");
        assertThat(run("report", repo.toString(), "-o", html.toString(), "--db", tmp.resolve("r.db").toString())).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<td class=\"l\">C</td>", "2024-01-01", "bare repository");
        // the chart is inline SVG: no external or embedded image file
        assertThat(page).contains("<svg", "code base</text>").doesNotContain("<?xml", "<img");
        // the stacked area chart of code per language sits beside the share chart
        assertThat(page).contains("aria-label=\"code lines per language over time, stacked\"", "Code per language</text>");
        assertThat(page).doesNotContain("src=\"http");
    }

    @Test
    void reportListsUnsafeThenSafeLanguagesBeforeOthers() throws Exception {
        Path dir = tmp.resolve("tree");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("big.po"), "msgid \"x\"\n".repeat(500)); // the largest, but "other"
        Files.writeString(dir.resolve("app.py"), "x = 1\n".repeat(50));
        Files.writeString(dir.resolve("a.c"), GitFixture.cLines("a", 3));
        Path html = tmp.resolve("order.html");
        assertThat(run("report", dir.toString(), "-o", html.toString())).isZero();
        String page = Files.readString(html);
        int c = page.indexOf("<td class=\"l\">C</td>");
        int py = page.indexOf("<td class=\"l\">Python</td>");
        int po = page.indexOf("<td class=\"l\">PO File</td>");
        assertThat(c).isPositive();
        assertThat(c).isLessThan(py);
        assertThat(py).isLessThan(po);
    }

    @Test
    void badPathsExitTwoWithAMessage() throws Exception {
        assertThat(run("census", tmp.resolve("missing").toString())).isEqualTo(2);
        assertThat(stderr()).contains("no such file or directory");

        Files.createDirectories(tmp.resolve("plain"));
        assertThat(run("census", tmp.resolve("plain").toString(), "--rev", "HEAD")).isEqualTo(2);
        assertThat(stderr()).contains("not a git repository");
        assertThat(run("history", tmp.resolve("plain").toString())).isEqualTo(2);
        assertThat(stderr()).contains("not a git repository");

        Path repo = tmp.resolve("r.git");
        smallRepo(repo);
        assertThat(run("census", repo.toString(), "--rev", "nosuchbranch")).isEqualTo(2);
        assertThat(stderr()).contains("unknown revision 'nosuchbranch'");
        assertThat(run("history", repo.toString(), "--since", "last tuesday")).isEqualTo(2);
        assertThat(stderr()).contains("bad date");
        assertThat(run("census", "--format", "yaml")).isEqualTo(2);
    }

    @Test
    void shallowCloneIsRefusedByHistory() throws Exception {
        Path repo = tmp.resolve("s.git");
        ObjectId first = smallRepo(repo);
        Files.writeString(repo.resolve("shallow"), first.name() + "\n");
        assertThat(run("history", repo.toString(), "--db", tmp.resolve("s.db").toString())).isEqualTo(2);
        assertThat(stderr()).contains("shallow clone");
    }

    @Test
    void oversizedAndBinaryFiles() throws Exception {
        Path dir = tmp.resolve("tree");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("big.c"), GitFixture.cLines("b", 50_000));
        Files.write(dir.resolve("image.c"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        Files.writeString(dir.resolve("ok.go"), "package x\n");
        assertThat(run("census", dir.toString(), "--max-file-size", "0")).isEqualTo(2);
        assertThat(stderr()).contains("big.c: skipped", "over the limit", "census is incomplete");
        assertThat(run("census", dir.toString(), "--format", "json")).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout());
        assertThat(j.at("/languages/C/code").asLong()).isEqualTo(50_000);
        assertThat(j.at("/languages/C/files").asLong()).isEqualTo(1); // the binary .c is not counted
    }

    @Test
    void planWithBadSarif() throws Exception {
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.c"), "int main(void) { return read(0, 0, 0); }\n");
        Files.writeString(dir.resolve("bad.sarif"), "{ not json");
        assertThat(run("plan", dir.toString(), "--findings", dir.resolve("bad.sarif").toString())).isEqualTo(2);
        assertThat(stderr()).contains("not valid JSON/SARIF");
        assertThat(run("plan", dir.toString(), "--findings", dir.resolve("none.sarif").toString())).isEqualTo(2);
        assertThat(run("plan", dir.toString(), "--format", "csv")).isZero();
        assertThat(stdout()).contains("1,src,directory,").contains("input: read x1");
    }
}
