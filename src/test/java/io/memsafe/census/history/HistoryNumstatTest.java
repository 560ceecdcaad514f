package io.memsafe.census.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.memsafe.census.GitFixture;
import io.memsafe.census.Output;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code history}'s physical lines ({@code added_lines}/{@code deleted_lines}) equal, month by month, what
 * {@code git log --first-parent -m --numstat} counts, on a repository built so that each month holds one of the
 * cases where JGit's own diff and rename detection disagree with git: a file moved and half rewritten (a rename for
 * git at 50 %, not for JGit at 60 %), one deleted file similar to two added ones (git uses it once; JGit also as a
 * copy), a regenerated translation catalogue (git's Myers is not minimal there), and a merge (diffed against its
 * first parent). Every file here has a language memsafe counts, so git's totals are compared whole.
 */
class HistoryNumstatTest {

    private static String lines(String prefix, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("RUN step ").append(prefix).append(i).append(" && echo done-").append(prefix).append(i).append('\n');
        }
        return sb.toString();
    }

    /** {@code n} functions, of which {@code rewrittenOf20} in every 20 rewritten. */
    private static String code(String name, int n, int rewrittenOf20) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean rewritten = i % 20 < rewrittenOf20;
            sb.append("int ").append(name).append('_').append(i).append("(int x) { return x * ").append(rewritten ? 11 : 7).append(" + ").append(i).append("; }\n");
        }
        return sb.toString();
    }

    private static String catalogue(long seed, int n) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("#: src/reader.rs:").append(r.nextInt(2000)).append("\nmsgid \"Message ").append(i).append("\"\n")
                    .append(r.nextInt(3) == 0 ? "msgstr \"\"" : "msgstr \"Nachricht " + r.nextInt(50) + "\"").append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void physicalLinesEqualGitLogNumstatPerMonth(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("repo.git");
        try (GitFixture git = new GitFixture(dir)) {
            Map<String, String> files = new TreeMap<>();
            files.put("src/parser.c", code("parse", 120, 0));
            files.put("src/util.c", code("util", 30, 0));
            files.put("docs/guide.md", lines("guide", 0, 40));
            files.put("po/de.po", catalogue(1, 300));
            files.put("docker/bionic-tsan.Dockerfile", lines("a", 0, 20));
            files.put("docker/bionic-tsan-clang.Dockerfile", lines("a", 4, 15) + lines("y", 0, 9));
            files.put("docker/bionic.Dockerfile", lines("c", 0, 20));
            ObjectId c1 = git.commit(files, "2024-01-10T10:00:00Z");

            // moved and 45 % rewritten: git's similarity is about 55 %
            files.remove("src/parser.c");
            files.put("src/parse/parser_impl.c", code("parse", 120, 9));
            ObjectId c2 = git.commit(files, "2024-02-10T10:00:00Z", c1);

            files.put("po/de.po", catalogue(2, 320)); // regenerated: new source locations everywhere
            ObjectId c3 = git.commit(files, "2024-03-10T10:00:00Z", c2);

            // bionic-tsan is most like focal (90 %) and also like jammy-tsan (75 %); bionic-tsan-clang is 55 % like jammy-tsan
            files.remove("docker/bionic-tsan.Dockerfile");
            files.remove("docker/bionic-tsan-clang.Dockerfile");
            files.remove("docker/bionic.Dockerfile");
            files.put("docker/focal.Dockerfile", lines("a", 0, 18) + lines("f", 0, 2));
            files.put("docker/jammy-tsan.Dockerfile", lines("a", 0, 15) + lines("x", 0, 5));
            files.put("docker/jammy.Dockerfile", lines("c", 0, 18) + lines("j", 0, 2));
            ObjectId c4 = git.commit(files, "2024-04-10T10:00:00Z", c3);

            Map<String, String> side = new TreeMap<>(files);
            side.put("src/util.c", code("util", 30, 5));
            side.put("docs/guide.md", lines("guide", 0, 30) + lines("new", 0, 25));
            ObjectId s1 = git.commit(side, "2024-04-20T10:00:00Z", c4);
            files.put("src/main.c", code("main", 12, 0));
            ObjectId c5 = git.commit(files, "2024-05-02T10:00:00Z", c4);
            Map<String, String> merged = new TreeMap<>(side);
            merged.put("src/main.c", files.get("src/main.c"));
            ObjectId m = git.commit(merged, "2024-05-20T10:00:00Z", c5, s1);
            git.setBranch("main", m);
        }

        // git's count per month, with the renames it found
        Map<String, long[]> numstat = new TreeMap<>();
        List<String> renames = new ArrayList<>();
        String month = null;
        for (String line : GitCli.run(dir, 0, "log", "--first-parent", "-m", "--numstat", "--format=@%ct", "main").split("\n")) {
            if (line.startsWith("@")) {
                month = Instant.ofEpochSecond(Long.parseLong(line.substring(1))).atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).toString();
                numstat.computeIfAbsent(month, k -> new long[2]);
            } else if (!line.isBlank()) {
                String[] f = line.split("\t");
                numstat.get(month)[0] += Long.parseLong(f[0]);
                numstat.get(month)[1] += Long.parseLong(f[1]);
                if (f[2].contains("=>")) {
                    renames.add(f[2]);
                }
            }
        }
        assertThat(renames).as("the cases this test is about").containsExactlyInAnyOrder(
                "src/{parser.c => parse/parser_impl.c}", "docker/{bionic-tsan.Dockerfile => focal.Dockerfile}",
                "docker/{bionic-tsan-clang.Dockerfile => jammy-tsan.Dockerfile}", "docker/{bionic.Dockerfile => jammy.Dockerfile}");

        StringWriter out = new StringWriter();
        int exit = new picocli.CommandLine(new HistoryCommand()).setOut(new PrintWriter(out)).execute(
                dir.toString(), "--format", "json", "--db", tmp.resolve("h.db").toString());
        assertThat(exit).isZero();
        Map<String, long[]> memsafe = new HashMap<>();
        for (JsonNode p : Output.JSON.readTree(out.toString()).path("periods")) {
            long[] sums = new long[2];
            p.path("added_lines").forEach(n -> sums[0] += n.asLong());
            p.path("deleted_lines").forEach(n -> sums[1] += n.asLong());
            memsafe.put(p.path("start").asText(), sums);
        }
        assertThat(numstat).hasSize(5);
        for (var e : numstat.entrySet()) {
            assertThat(memsafe.get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
        }
    }
}
