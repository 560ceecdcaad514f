package io.memsafe.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.census.CensusCommand;
import io.memsafe.census.GitFixture;
import io.memsafe.census.history.HistoryCommand;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.Safety;
import io.memsafe.harden.HardenCommand;
import org.apache.spark.sql.SparkSession;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fleet run three ways (embedded local[*], local-cluster[2,1,1024], a standalone master and worker on
 * 127.0.0.1) gives the same roll-up, and that roll-up is what census, history and harden give run one by one.
 * The fleet has three good repositories, a corrupt, a shallow and a missing one, a binary tree and a compile database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where executors of a standalone worker run Java 17, the Java this module's task code is compiled for. */
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @TempDir
    static Path dir;
    Path fleetFile;
    Path bins;
    Path compileCommands;
    final Map<String, Path> outs = new TreeMap<>();
    final Map<String, String> progress = new TreeMap<>();

    @BeforeAll
    void fixtures() throws Exception {
        Path alpha = dir.resolve("alpha.git");
        ObjectId alphaTip;
        try (GitFixture g = new GitFixture(alpha)) {
            ObjectId c1 = g.commit(Map.of("src/a.c", GitFixture.cLines("a", 10)), "2024-01-10T10:00:00Z");
            alphaTip = g.commit(Map.of("src/a.c", GitFixture.cLines("a", 12),
                    "src/lib.rs", "fn f() {\n    unsafe {\n        let x = 1;\n    }\n}\n"), "2024-03-05T10:00:00Z", c1);
            g.setBranch("main", alphaTip);
        }
        try (GitFixture g = new GitFixture(dir.resolve("beta.git"))) {
            ObjectId c1 = g.commit(Map.of("Foo.java", javaLines(6), "b.cpp", GitFixture.cLines("b", 8)), "2024-02-01T10:00:00Z");
            ObjectId c2 = g.commit(Map.of("Foo.java", javaLines(6), "b.cpp", GitFixture.cLines("b", 4),
                    "main.go", "package main\n\nfunc main() {\n\tprintln(1)\n}\n"), "2024-06-20T10:00:00Z", c1);
            g.setBranch("main", c2);
        }
        try (GitFixture g = new GitFixture(dir.resolve("gamma.git"))) {
            ObjectId c1 = g.commit(Map.of("x.rs", "fn main() {\n    let a = 1;\n    let b = 2;\n    println!(\"{}\", a + b);\n}\n"),
                    "2024-04-15T10:00:00Z");
            ObjectId c2 = g.commit(Map.of("x.rs", "fn main() {\n    let a = 1;\n    let b = 2;\n    println!(\"{}\", a + b);\n}\n",
                    "y.c", GitFixture.cLines("y", 3)), "2024-04-20T10:00:00Z", c1);
            g.setBranch("main", c2);
        }
        // a shallow clone (its history is cut off), a corrupt repository, a missing one
        Path shallow = dir.resolve("shallow.git");
        copyTree(alpha, shallow);
        Files.writeString(shallow.resolve("shallow"), alphaTip.name() + "\n");
        Path broken = Files.createDirectories(dir.resolve("broken.git"));
        Files.writeString(broken.resolve("HEAD"), "not a ref\n");
        Files.createDirectories(broken.resolve("objects"));
        Files.createDirectories(broken.resolve("refs"));
        Files.writeString(broken.resolve("config"), "[core\n bare = ");

        bins = Files.createDirectories(dir.resolve("bins"));
        for (String b : List.of("/usr/bin/true", "/usr/bin/env")) {
            Files.copy(Path.of(b), bins.resolve(Path.of(b).getFileName()));
        }
        Files.writeString(bins.resolve("README"), "not a binary\n");
        Path scan = Files.createDirectories(dir.resolve("scan"));
        Files.copy(Path.of("../examples/overflow.c"), scan.resolve("overflow.c"));
        compileCommands = scan.resolve("compile_commands.json");
        Files.writeString(compileCommands, "[{\"directory\": \"" + scan + "\", \"file\": \"overflow.c\", \"arguments\": [\"cc\", \"-c\", \"overflow.c\"]}]\n");

        fleetFile = dir.resolve("fleet.yml");
        Files.writeString(fleetFile, String.join("\n",
                "repositories:",
                "  - path: alpha.git",
                "    tags: [core]",
                "  - path: beta.git",
                "    rev: main",
                "    tags: [core, web]",
                "  - path: gamma.git",
                "    tags: [web]",
                "  - path: shallow.git",
                "  - path: broken.git",
                "  - path: missing.git",
                "binaries:",
                "  - path: bins",
                "    name: bins",
                "scans:",
                "  - compile-commands: scan/compile_commands.json",
                "    name: overflow",
                ""));
        // the SPARK_HOME executors start from (the build points local-cluster runs at it)
        SparkHome.prepare(Path.of(System.getenv("SPARK_HOME")), SparkHome.classPath());
    }

    private List<TaskResult> runFleet(String how, String master, Map<String, String> conf, String stores) throws Exception {
        Path out = dir.resolve("out-" + how);
        StringWriter log = new StringWriter();
        List<TaskResult> results = FleetJob.run(FleetFile.load(fleetFile), new FleetJob.Settings(master, out,
                new FleetTask.HistoryRange(null, null, "month"), dir.resolve(stores), conf), new PrintWriter(log, true));
        outs.put(how, out);
        progress.put(how, log.toString());
        return results;
    }

    @Test
    @Order(1)
    void embedded() throws Exception {
        List<TaskResult> results = runFleet("embedded", "local[*]", Map.of(), "stores-embedded");
        assertThat(results).hasSize(8);
        assertThat(failures("embedded")).containsOnlyKeys("broken", "missing", "shallow");
        assertThat(failures("embedded").get("shallow")).contains("shallow clone");
        assertThat(failures("embedded").get("missing")).contains("no such directory");
        assertThat(progress.get("embedded")).contains("8/8 done").contains("commits processed").contains("broken failed");
        assertThat(read("embedded", "fleet.json").path("tasks").findValues("commits_processed").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(6); // 2 + 2 + 2 first-parent commits
    }

    @Test
    @Order(2)
    void localCluster() throws Exception {
        runFleet("local-cluster", "local-cluster[2,1,1024]", Map.of(), "stores-local-cluster");
        assertSameRollups("local-cluster");
        assertThat(task("local-cluster", "overflow").path("findings").asInt()).isEqualTo(task("embedded", "overflow").path("findings").asInt());
    }

    @Test
    @Order(3)
    void standaloneMasterAndWorker() throws Exception {
        Path sparkHome = dir.resolve("spark-home");
        SparkHome.prepare(sparkHome, SparkHome.classPath());
        boolean java17 = Files.isExecutable(JDK17.resolve("bin/java"));
        Path executorJava = java17 ? JDK17 : Path.of(System.getProperty("java.home"));
        try (StandaloneCluster cluster = new StandaloneCluster(sparkHome, executorJava, dir.resolve("cluster"), 2, "1536m")) {
            runFleet("standalone", cluster.masterUrl, Map.of("spark.executor.memory", "1g", "spark.cores.max", "2"), "stores-standalone");
        }
        assertSameRollups("standalone");
        if (java17) { // the census and harden engines ran on Java 17; the scan engine needs 21 and says so
            assertThat(failures("standalone")).containsOnlyKeys("broken", "missing", "shallow", "overflow");
            assertThat(failures("standalone").get("overflow")).contains("needs Java 21 or later on the executors (this one runs Java 17)");
        } else {
            assertThat(failures("standalone")).containsOnlyKeys("broken", "missing", "shallow");
        }
    }

    @Test
    @Order(4)
    void secondRunReusesTheHistoryStores() throws Exception {
        runFleet("rerun", "local[*]", Map.of(), "stores-embedded");
        assertSameRollups("rerun");
        assertThat(read("rerun", "fleet.json").path("tasks").findValues("commits_processed")).allMatch(n -> n.asLong() == 0);
        assertThat(progress.get("rerun")).contains("8/8 done, 0 commits processed");
    }

    @Test
    @Order(5)
    void rollupIsTheSumOfHistoryRunOneByOne() throws Exception {
        // period -> language -> {code, added, deleted, added_lines, deleted_lines}
        Map<String, Map<String, long[]>> code = new TreeMap<>();
        Map<String, long[]> commitsAndRust = new TreeMap<>();
        for (String repo : List.of("alpha", "beta", "gamma")) {
            StringWriter out = new StringWriter();
            int exit = new picocli.CommandLine(new HistoryCommand()).setOut(new PrintWriter(out)).execute(
                    dir.resolve(repo + ".git").toString(), "--until", "2024-06", "--format", "json",
                    "--db", dir.resolve("one-by-one-" + repo + ".db").toString());
            assertThat(exit).isZero();
            for (JsonNode p : JSON.readTree(out.toString()).path("periods")) {
                Map<String, long[]> langs = code.computeIfAbsent(p.path("start").asText(), k -> new TreeMap<>());
                int i = 0;
                for (String field : List.of("languages", "added", "deleted", "added_lines", "deleted_lines")) {
                    final int slot = i++;
                    p.path(field).fields().forEachRemaining(e -> langs.computeIfAbsent(e.getKey(), k -> new long[5])[slot] += e.getValue().asLong());
                }
                long[] cr = commitsAndRust.computeIfAbsent(p.path("start").asText(), k -> new long[2]);
                cr[0] += p.path("commits").asLong();
                cr[1] += p.path("rust_unsafe_lines").asLong();
            }
        }
        JsonNode rollup = read("embedded", "rollup.json");
        List<String> starts = new ArrayList<>();
        rollup.path("periods").forEach(p -> starts.add(p.path("start").asText()));
        assertThat(starts).containsExactlyElementsOf(code.keySet());
        assertThat(starts).containsExactly("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01");
        for (JsonNode p : rollup.path("periods")) {
            Map<String, long[]> expected = code.get(p.path("start").asText());
            for (var e : expected.entrySet()) {
                assertThat(p.path("languages").path(e.getKey()).asLong()).as(p + " " + e.getKey()).isEqualTo(e.getValue()[0]);
                assertThat(p.path("added").path(e.getKey()).asLong()).isEqualTo(e.getValue()[1]);
                assertThat(p.path("deleted").path(e.getKey()).asLong()).isEqualTo(e.getValue()[2]);
                assertThat(p.path("added_lines").path(e.getKey()).asLong()).isEqualTo(e.getValue()[3]);
                assertThat(p.path("deleted_lines").path(e.getKey()).asLong()).isEqualTo(e.getValue()[4]);
            }
            assertThat(p.path("commits").asLong()).isEqualTo(commitsAndRust.get(p.path("start").asText())[0]);
            assertThat(p.path("rust_unsafe_lines").asLong()).isEqualTo(commitsAndRust.get(p.path("start").asText())[1]);
            assertThat(p.path("memory_unsafe_share").asDouble()).isEqualTo(share(expected, 0));
            if (share(expected, 1) != null) {
                assertThat(p.path("new_unsafe_share").asDouble()).isEqualTo(share(expected, 1));
            }
        }
        // lines summed, not shares averaged: in 2024-06 alpha (C and Rust), beta (C++, Java, Go), gamma (Rust, C)
        JsonNode june = rollup.path("periods").get(5);
        assertThat(june.path("repositories").asInt()).isEqualTo(3);
        assertThat(june.path("languages").path("C").asLong()).isEqualTo(12 + 3);
        assertThat(june.path("memory_unsafe_share").asDouble()).isEqualTo(Math.round((12 + 3 + 4) * 10000.0 / (12 + 3 + 4 + 5 + 5 + 6 + 4)) / 10000.0);
        // per tag: web is beta and gamma
        JsonNode web = read("embedded", "tags/web.json");
        assertThat(web.path("repositories")).extracting(JsonNode::asText).containsExactly("beta", "gamma");
        assertThat(web.path("periods").get(web.path("periods").size() - 1).path("languages").path("C").asLong()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void censusAndHardenAreTheOnesRunOneByOne() throws Exception {
        for (String repo : List.of("alpha", "beta", "gamma")) {
            StringWriter out = new StringWriter();
            new picocli.CommandLine(new CensusCommand()).setOut(new PrintWriter(out)).execute(dir.resolve(repo + ".git").toString(), "--format", "json");
            JsonNode census = JSON.readTree(out.toString());
            JsonNode fleet = task("embedded", repo);
            census.path("languages").fields().forEachRemaining(e ->
                    assertThat(fleet.path("languages").path(e.getKey()).asLong()).as(repo + " " + e.getKey()).isEqualTo(e.getValue().path("code").asLong()));
            assertThat(fleet.path("tip").asText()).isEqualTo(census.path("commit").asText());
            assertThat(Files.readString(outs.get("embedded").resolve("repos/" + repo + "/census.json"))).isEqualTo(out.toString());
        }
        StringWriter out = new StringWriter();
        new picocli.CommandLine(new HardenCommand()).setOut(new PrintWriter(out)).execute(bins.toString(), "--format", "json");
        JsonNode harden = JSON.readTree(out.toString());
        JsonNode coverage = read("embedded", "fleet.json").path("hardening");
        assertThat(coverage.path("binaries").asLong()).isEqualTo(harden.path("summary").path("binaries").asLong()).isEqualTo(2);
        Map<String, Long> applicable = new TreeMap<>();
        harden.path("files").forEach(f -> f.path("checks").fields().forEachRemaining(c -> {
            if (!c.getValue().isNull()) {
                applicable.merge(c.getKey(), 1L, Long::sum);
            }
        }));
        assertThat(applicable).isNotEmpty();
        applicable.forEach((check, n) -> assertThat(coverage.path("checks").path(check).path("applicable").asLong()).as(check).isEqualTo(n));
        assertThat(coverage.path("checks").path("elf.nx").path("share").asDouble()).isEqualTo(1.0);
        assertThat(task("embedded", "overflow").path("findings").asInt()).isEqualTo(4); // the README's four bugs
    }

    @Test
    @Order(7)
    void parquetTablesArePartitionedByRepository() throws Exception {
        Path out = outs.get("embedded");
        try (var files = Files.list(out.resolve("census"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("repository=")))
                    .containsExactlyInAnyOrder("repository=alpha", "repository=beta", "repository=gamma");
        }
        assertThat(out.resolve("harden/repository=bins")).isDirectory();
        assertThat(out.resolve("scan/repository=overflow")).isDirectory();
        SparkSession spark = FleetJob.session(new FleetJob.Settings("local[1]", out, null, null, Map.of()));
        try {
            long cOf = spark.read().parquet(out.resolve("census").toUri().toString()).where("repository = 'alpha' AND language = 'C'")
                    .selectExpr("sum(code)").first().getLong(0);
            assertThat(cOf).isEqualTo(12);
            long june = spark.read().parquet(out.resolve("history").toUri().toString()).where("start = '2024-06-01'").count();
            assertThat(june).isEqualTo(3); // beta's languages in its last period: C++, Go, Java
        } finally {
            spark.stop();
        }
    }

    @Test
    @Order(8)
    void reportDrawsTheFleet() throws Exception {
        Path html = dir.resolve("report/fleet.html");
        StringWriter err = new StringWriter();
        int exit = new picocli.CommandLine(new io.memsafe.census.report.ReportCommand()).setErr(new PrintWriter(err, true))
                .execute(outs.get("embedded").toString(), "-o", html.toString());
        assertThat(exit).as(err.toString()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("href=\"fleet-repos/alpha.html\"").contains("failed: history: shallow clone")
                .contains("<td class=\"l\">web</td><td class=\"l\">beta, gamma</td>").contains("elf.nx").contains("4 findings");
        assertThat(Files.readString(dir.resolve("report/fleet-repos/alpha.html"))).contains("<svg").contains("Rust");
    }

    private void assertSameRollups(String how) throws Exception {
        for (String file : List.of("rollup.json", "tags/core.json", "tags/web.json")) {
            assertThat(Files.readString(outs.get(how).resolve(file))).as(how + " " + file)
                    .isEqualTo(Files.readString(outs.get("embedded").resolve(file)));
        }
        assertThat(read(how, "fleet.json").path("hardening")).isEqualTo(read("embedded", "fleet.json").path("hardening"));
    }

    private Map<String, String> failures(String how) throws Exception {
        Map<String, String> m = new TreeMap<>();
        read(how, "fleet.json").path("failures").forEach(f -> m.put(f.path("name").asText(), f.path("error").asText()));
        return m;
    }

    private JsonNode task(String how, String name) throws Exception {
        for (JsonNode t : read(how, "fleet.json").path("tasks")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no task " + name);
    }

    private JsonNode read(String how, String file) throws Exception {
        return JSON.readTree(Files.readString(outs.get(how).resolve(file), StandardCharsets.UTF_8));
    }

    /** Unsafe lines over unsafe plus safe lines of one column, rounded as memsafe rounds shares. */
    private static Double share(Map<String, long[]> langs, int column) {
        long unsafe = 0;
        long safe = 0;
        for (var e : langs.entrySet()) {
            Safety s = LanguageTable.safetyOf(e.getKey());
            unsafe += s == Safety.UNSAFE ? e.getValue()[column] : 0;
            safe += s == Safety.SAFE ? e.getValue()[column] : 0;
        }
        return unsafe + safe == 0 ? null : Math.round(unsafe * 10000.0 / (unsafe + safe)) / 10000.0;
    }

    private static String javaLines(int n) {
        StringBuilder sb = new StringBuilder("class Foo {\n");
        for (int i = 0; i < n - 2; i++) {
            sb.append("  int f").append(i).append(" = ").append(i).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
