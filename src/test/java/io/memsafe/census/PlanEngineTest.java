package io.memsafe.census;

import io.memsafe.census.plan.Component;
import io.memsafe.census.plan.PlanEngine;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlanEngineTest {

    @TempDir
    Path root;

    static final long NOW = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();

    private void write(String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** util: 100 lines, nothing else; net: 20 lines reading from a socket and parsing; core: 10 lines, 3 findings. */
    private void tree() throws Exception {
        write("util/big.c", GitFixture.cLines("u", 100));
        write("net/server.c", "#include <sys/socket.h>\n" + GitFixture.cLines("n", 16)
                + "void serve(int fd) {\n  n = recv(fd, buf, sizeof buf, 0);\n  parse_header(buf); }\n");
        write("core/small.c", GitFixture.cLines("c", 10) + "/* recv( in a comment does not count */\n");
        write("rs/lib.rs", "fn main() {}\n");
        write("findings.sarif", """
                {"version": "2.1.0", "runs": [{"results": [
                  {"ruleId": "uaf", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "core/small.c"}}}]},
                  {"ruleId": "oob", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file://%s/core/small.c"}}}]},
                  {"ruleId": "oob", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "./core/small.c"}}}]},
                  {"ruleId": "x", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "elsewhere/other.c"}}}]}
                ]}]}
                """.formatted(root.toAbsolutePath()));
    }

    @Test
    void ranksBySizeFindingsAndExposure() throws Exception {
        tree();
        PlanEngine.Result r = PlanEngine.plan(new PlanEngine.Request(root, List.of(root.resolve("findings.sarif")), 1, 12, NOW));
        List<Component> c = r.components();
        assertThat(c).extracting(Component::name).containsExactly("util", "net", "core"); // rs has no memory-unsafe code
        // util: size only (0.35); net: 0.35*20/100 + exposure 0.25; core: 0.35*10/100 + findings 0.25
        assertThat(c.get(0).score()).isCloseTo(0.35, within(1e-3));
        assertThat(c.get(1).score()).isCloseTo(0.32, within(1e-3));
        assertThat(c.get(2).score()).isCloseTo(0.285, within(1e-3));
        assertThat(c.get(1).exposure()).containsEntry("recv", 1).containsEntry("parse*", 1).containsEntry("<sys/socket.h>", 1).hasSize(3);
        assertThat(c.get(2).exposure()).isEmpty(); // the call in a comment is not a call
        assertThat(c.get(2).findings()).isEqualTo(3);
        assertThat(c.get(2).findingsPerKloc()).isCloseTo(300.0, within(1e-9));
        assertThat(c.get(0).why()).containsExactly("size: 100 memory-unsafe lines (77% of all)");
        assertThat(c.get(1).why().get(0)).isEqualTo("input: recv x1, <sys/socket.h> x1, parse* x1");
        assertThat(c.get(2).why().get(0)).isEqualTo("findings: 3 (300.0 per 1k lines)");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 finding(s) outside"));
    }

    @Test
    void churnFromGitHistoryCanChangeTheOrder() throws Exception {
        tree();
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("T", "t@example.org", Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("import").setAuthor(who).setCommitter(who).call();
            for (int i = 0; i < 5; i++) {
                write("core/small.c", GitFixture.cLines("c", 9) + "int z" + i + ";\n");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("fix " + i).setAuthor(who).setCommitter(who).call();
            }
            // an old commit outside the 12-month window does not count
            PersonIdent old = new PersonIdent("T", "t@example.org", Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
            write("util/big.c", GitFixture.cLines("u", 100) + "int extra;\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("old").setAuthor(old).setCommitter(old).call();
        }
        PlanEngine.Result r = PlanEngine.plan(new PlanEngine.Request(root, List.of(root.resolve("findings.sarif")), 1, 12, NOW));
        List<Component> c = r.components();
        assertThat(c).extracting(Component::name).containsExactly("core", "util", "net");
        assertThat(c).extracting(Component::churn).containsExactly(6, 1, 1);
        assertThat(c.get(0).why()).contains("6 commits in 12 months");
    }

    @Test
    void cmakeTargetsFromCompileDatabase() throws Exception {
        tree();
        write("compile_commands.json", """
                [{"directory": "%1$s/build", "file": "%1$s/net/server.c",
                  "command": "cc -c -o CMakeFiles/netd.dir/net/server.c.o %1$s/net/server.c"},
                 {"directory": "%1$s/build", "file": "../util/big.c",
                  "output": "CMakeFiles/libutil.dir/util/big.c.o", "arguments": ["cc", "-c", "../util/big.c"]}]
                """.formatted(root.toAbsolutePath()));
        PlanEngine.Result r = PlanEngine.plan(new PlanEngine.Request(root, List.of(), 1, 12, NOW));
        assertThat(r.components()).extracting(Component::name).containsExactly("libutil", "netd", "core");
        assertThat(r.components()).extracting(Component::kind).containsExactly("cmake-target", "cmake-target", "directory");
    }

    private static PlanEngine.Request request(Path root, PlanEngine.Grain by, String at) {
        return new PlanEngine.Request(root, List.of(), 1, 12, NOW, by, at, PlanEngine.Weights.DEFAULT);
    }

    @Test
    void aComponentWithMostOfTheCodeIsSplitUntilItsPartsSayWhereToStart() throws Exception {
        write("lib/a.c", GitFixture.cLines("a", 40));
        write("lib/a.h", GitFixture.cLines("h", 5));
        write("lib/b.c", GitFixture.cLines("b", 20));
        write("lib/sub/c.c", GitFixture.cLines("c", 25));
        write("other/d.c", GitFixture.cLines("d", 10));
        PlanEngine.Result r = PlanEngine.plan(request(root, PlanEngine.Grain.dir, null));
        // lib: 90 of 100 lines -> its directories lib (65) and lib/sub (25); lib still holds 72% of what it was split
        // from -> its file groups lib/a.* (a.c with a.h) and lib/b.*
        assertThat(r.components()).extracting(Component::name).containsExactly("lib/a.*", "lib/sub", "lib/b.*", "other");
        assertThat(r.components()).extracting(Component::unsafeCode).containsExactly(45L, 25L, 20L, 10L);
        assertThat(r.components()).extracting(Component::kind).containsExactly("files", "directory", "files", "directory");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("lib holds 90% of the memory-unsafe code: split into 2 directories"))
                .anyMatch(n -> n.startsWith("lib holds 72% of the code of what it was split from: split into 2 file groups"));
    }

    @Test
    void byFileGroupsAndInputFunctionsAndFindingsPerComponent() throws Exception {
        write("src/parser.c", "int parse_msg(const unsigned char *buf, size_t len) {\n  return buf[len];\n}\n");
        write("src/parser.h", "int parse_msg(const unsigned char *buf, size_t len);\n");
        write("src/util.c", "static int helper(char *p, size_t n) { return p[n]; }\n");
        write("f.sarif", """
                {"version": "2.1.0", "runs": [{"results": [
                  {"ruleId": "CWE-125", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/parser.c"},
                   "region": {"startLine": 2}}}]}]}]}
                """);
        PlanEngine.Result r = PlanEngine.plan(new PlanEngine.Request(root, List.of(root.resolve("f.sarif")), 1, 12, NOW,
                PlanEngine.Grain.file, null, PlanEngine.Weights.DEFAULT));
        assertThat(r.components()).extracting(Component::name).containsExactly("src/parser.*", "src/util.*");
        Component parser = r.components().getFirst();
        assertThat(parser.inputFunctions()).containsExactly("src/parser.c:1 parse_msg (buffer and length)");
        assertThat(parser.findingList()).containsExactly("CWE-125 src/parser.c:2");
        assertThat(r.components().get(1).inputFunctions()).isEmpty(); // static: not reachable from outside its file
    }

    @Test
    void atAnOlderRevisionRanksTheTreeAsItWas() throws Exception {
        Instant t1 = Instant.parse("2020-01-10T00:00:00Z");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("old/a.c", GitFixture.cLines("a", 10));
            write("keep/k.c", GitFixture.cLines("k", 5));
            commit(git, "first", t1);
            write("keep/k.c", GitFixture.cLines("k", 6));
            commit(git, "second", Instant.parse("2020-02-10T00:00:00Z"));
            String second = git.getRepository().resolve("HEAD").name();
            Files.delete(root.resolve("old/a.c"));
            write("new/b.c", GitFixture.cLines("b", 50));
            git.rm().addFilepattern("old/a.c").call();
            commit(git, "third", Instant.parse("2026-05-01T00:00:00Z"));

            PlanEngine.Result then = PlanEngine.plan(request(root, PlanEngine.Grain.dir, second));
            assertThat(then.components()).extracting(Component::name).containsExactly("old", "keep");
            assertThat(then.components()).extracting(Component::unsafeCode).containsExactly(10L, 6L);
            // churn in the 12 months before that commit: keep changed twice, old once; the later commit is not counted
            assertThat(then.components()).extracting(Component::churn).containsExactly(1, 2);

            PlanEngine.Result now = PlanEngine.plan(request(root, PlanEngine.Grain.dir, null));
            assertThat(now.components()).extracting(Component::name).containsExactly("new", "keep");
        }
        assertThatThrownBy(() -> PlanEngine.plan(request(root.resolve("old"), null, "HEAD")))
                .isInstanceOf(io.memsafe.census.UsageException.class);
    }

    private void commit(Git git, String message, Instant when) throws Exception {
        PersonIdent who = new PersonIdent("T", "t@example.org", when, ZoneOffset.UTC);
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    @Test
    void weightsParseAndRejectNonsense() {
        assertThat(PlanEngine.Weights.parse("size=1,churn=0")).isEqualTo(new PlanEngine.Weights(1, 0.25, 0.25, 0));
        assertThatThrownBy(() -> PlanEngine.Weights.parse("speed=1")).isInstanceOf(io.memsafe.census.UsageException.class);
        assertThatThrownBy(() -> PlanEngine.Weights.parse("size=-1")).isInstanceOf(io.memsafe.census.UsageException.class);
    }
}
