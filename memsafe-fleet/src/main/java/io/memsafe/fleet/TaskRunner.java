package io.memsafe.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memsafe.census.CensusCommand;
import io.memsafe.census.history.HistoryCommand;
import io.memsafe.harden.BinaryAnalyzer;
import io.memsafe.harden.BinaryReport;
import io.memsafe.harden.HardenScanner;
import io.memsafe.harden.checks.Verdict;
import io.memsafe.harden.policy.HardeningPolicy;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one fleet task inside a Spark task. memsafe's own commands do the work, unchanged and with the options a
 * user would give them one by one, so a fleet's figures are those of the single runs by construction; their JSON
 * becomes rows. Nothing a repository does can fail the Spark task: every failure becomes the result's error.
 */
public final class TaskRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROCESSED = Pattern.compile("(\\d+) processed now");

    private TaskRunner() {
    }

    public static TaskResult run(FleetTask task) {
        long t0 = System.nanoTime();
        try {
            switch (task.kind()) {
                case repository:
                    return repository(task, t0);
                case binaries:
                    return binaries(task, t0);
                default:
                    return scan(task, t0);
            }
        } catch (Throwable e) { // an engine's bug or an out-of-memory is this repository's failure, not the fleet's
            return TaskResult.failed(task, describe(e), millis(t0));
        }
    }

    /** The census of the tip and the history, as {@code memsafe census} and {@code memsafe history} give them. */
    private static TaskResult repository(FleetTask task, long t0) throws IOException {
        if (!Files.isDirectory(Path.of(task.path()))) {
            return TaskResult.failed(task, task.path() + ": no such directory", millis(t0));
        }
        Outcome census = execute(new CensusCommand(), task.path(), "--rev", task.rev(), "--format", "json");
        if (census.exit() != 0) {
            return TaskResult.failed(task, "census: " + census.errorText(), millis(t0));
        }
        List<String> args = new ArrayList<>(List.of(task.path(), "--rev", task.rev(), "--format", "json", "--stats",
                "--period", task.range().period()));
        if (task.range().since() != null) {
            args.addAll(List.of("--since", task.range().since()));
        }
        if (task.range().until() != null) {
            args.addAll(List.of("--until", task.range().until()));
        }
        if (task.store() != null) {
            Files.createDirectories(Path.of(task.store()).getParent());
            args.addAll(List.of("--db", task.store()));
        }
        Outcome history = execute(new HistoryCommand(), args.toArray(String[]::new));
        if (history.exit() != 0) {
            return TaskResult.failed(task, "history: " + history.errorText(), millis(t0));
        }
        JsonNode c = JSON.readTree(census.out());
        List<TaskResult.LanguageRow> languages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("languages").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode n = e.getValue();
            languages.add(new TaskResult.LanguageRow(e.getKey(), n.path("files").asLong(), n.path("code").asLong(),
                    n.path("comment").asLong(), n.path("blank").asLong()));
        }
        List<TaskResult.Period> periods = new ArrayList<>();
        for (JsonNode p : JSON.readTree(history.out()).path("periods")) {
            periods.add(new TaskResult.Period(p.path("start").asText(), p.path("end").asText(), p.path("commit").asText(),
                    p.path("commits").asInt(), counts(p.path("languages")), counts(p.path("added")), counts(p.path("deleted")),
                    counts(p.path("added_lines")), counts(p.path("deleted_lines")), p.path("rust_unsafe_lines").asLong()));
        }
        Matcher m = PROCESSED.matcher(history.err());
        long processed = m.find() ? Long.parseLong(m.group(1)) : 0;
        return new TaskResult(task, null, c.path("commit").asText(null), languages, periods, List.of(), List.of(),
                census.out(), history.out(), processed, millis(t0));
    }

    /** {@code memsafe harden} of a tree, one binary per row, on one thread: Spark gives each task its core. */
    private static TaskResult binaries(FleetTask task, long t0) {
        if (!Files.exists(Path.of(task.path()))) {
            return TaskResult.failed(task, task.path() + ": no such file or directory", millis(t0));
        }
        HardenScanner.Scan scan = new HardenScanner(new BinaryAnalyzer(HardeningPolicy.defaults()), 1).scan(List.of(Path.of(task.path())));
        List<TaskResult.BinaryRow> rows = new ArrayList<>();
        for (BinaryReport r : scan.reports()) {
            Map<String, String> values = new TreeMap<>();
            Map<String, Boolean> satisfied = new TreeMap<>();
            for (Map.Entry<String, Verdict> v : r.verdicts().entrySet()) {
                if (v.getValue().applicable()) {
                    values.put(v.getKey(), String.valueOf(v.getValue().value()));
                    satisfied.put(v.getKey(), v.getValue().satisfied());
                }
            }
            rows.add(new TaskResult.BinaryRow(r.path(), r.format(), r.kind(), r.error(), values, satisfied));
        }
        return new TaskResult(task, null, null, List.of(), List.of(), rows, List.of(), null, null, 0, millis(t0));
    }

    /**
     * {@code memsafe scan --compile-commands}. The scan engine is compiled for Java 21 and loaded by name, so that
     * this class still loads on a Java 17 executor, where scan tasks then fail with a clear message.
     */
    private static TaskResult scan(FleetTask task, long t0) throws Exception {
        if (!Files.isRegularFile(Path.of(task.path()))) {
            return TaskResult.failed(task, task.path() + ": no such file", millis(t0));
        }
        Object command;
        try {
            command = Class.forName("io.memsafe.cli.ScanCommand").getDeclaredConstructor().newInstance();
        } catch (UnsupportedClassVersionError e) {
            return TaskResult.failed(task, "scan needs Java 21 or later on the executors (this one runs Java "
                    + Runtime.version().feature() + ")", millis(t0));
        }
        Path out = Files.createTempFile("memsafe-fleet-scan", ".json");
        try {
            // no result cache: it would land in the executor's working directory, and its unit store uses
            // Kryo 5, while a Spark executor's class path puts Spark's own Kryo 4 (same package) first
            Outcome o = execute(command, "--compile-commands", task.path(), "--format", "json", "-o", out.toString(), "--jobs", "1", "--no-cache");
            if (o.exit() == 2) {
                return TaskResult.failed(task, "scan: " + o.errorText(), millis(t0));
            }
            List<TaskResult.FindingRow> findings = new ArrayList<>();
            for (JsonNode f : JSON.readTree(Files.readString(out, StandardCharsets.UTF_8)).path("findings")) {
                findings.add(new TaskResult.FindingRow(f.path("rule").asText(), f.path("name").asText(), f.path("cwe").asInt(),
                        f.path("file").asText(), f.path("line").asInt(), f.path("message").asText()));
            }
            return new TaskResult(task, null, null, List.of(), List.of(), List.of(), findings, null, null, 0, millis(t0));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> m = new TreeMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    /** A command's exit status and what it printed. */
    record Outcome(int exit, String out, String err) {
        String errorText() {
            String text = err.strip().replaceAll("(?m)^memsafe \\w+: ", "");
            return text.isEmpty() ? "exit status " + exit : text;
        }
    }

    static Outcome execute(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
