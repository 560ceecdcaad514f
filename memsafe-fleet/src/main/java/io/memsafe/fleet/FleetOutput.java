package io.memsafe.fleet;

import io.memsafe.census.Output;
import io.memsafe.census.history.PeriodKind;
import io.memsafe.census.lang.LanguageTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a fleet run's results under OUT: one Parquet table per kind partitioned by repository (census, history,
 * harden, scan), {@code rollup.json} and {@code tags/TAG.json} (history's JSON shape, summed), {@code fleet.json}
 * (every task with its outcome, the hardening coverage) and each repository's own census and history JSON under
 * {@code repos/NAME/}, which the report links to.
 */
final class FleetOutput {

    private FleetOutput() {
    }

    static void write(SparkSession spark, List<TaskResult> results, FleetJob.Settings s, PrintWriter progress) throws IOException {
        Path out = s.out();
        Files.createDirectories(out);
        List<TaskResult> repos = results.stream().filter(r -> r.ok() && r.task().kind() == FleetTask.Kind.repository).toList();
        List<TaskResult> binaries = results.stream().filter(r -> r.ok() && r.task().kind() == FleetTask.Kind.binaries).toList();

        table(spark, out.resolve("census"), censusRows(repos), "commit STRING, language STRING, class STRING, files LONG, code LONG, comment LONG, blank LONG");
        table(spark, out.resolve("history"), historyRows(repos),
                "start STRING, end STRING, commit STRING, commits INT, language STRING, class STRING, code LONG, added LONG, deleted LONG,"
                        + " added_lines LONG, deleted_lines LONG, rust_unsafe_lines LONG");
        table(spark, out.resolve("harden"), hardenRows(binaries), "path STRING, format STRING, kind STRING, error STRING, check STRING, value STRING, satisfied BOOLEAN");
        table(spark, out.resolve("scan"), scanRows(results), "rule STRING, name STRING, cwe INT, file STRING, line INT, message STRING");

        PeriodKind kind = PeriodKind.valueOf(s.range().period());
        json(out.resolve("rollup.json"), Rollup.of(histories(repos, null), kind));
        TreeSet<String> tags = new TreeSet<>();
        repos.forEach(r -> tags.addAll(r.task().tags()));
        Map<String, Object> tagSummary = new TreeMap<>();
        for (String tag : tags) {
            Rollup.Result r = Rollup.of(histories(repos, tag), kind);
            json(out.resolve("tags").resolve(safe(tag) + ".json"), r);
            tagSummary.put(tag, r.repositories());
        }
        for (TaskResult r : repos) {
            Path dir = out.resolve("repos").resolve(r.task().name());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("census.json"), r.censusJson(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("history.json"), r.historyJson(), StandardCharsets.UTF_8);
        }
        json(out.resolve("fleet.json"), summary(results, tagSummary, binaries));
        progress.printf("memsafe fleet: wrote %s%n", out);
        progress.flush();
    }

    /** One per-language count summed over a repository's periods. */
    private static Map<String, Long> total(List<TaskResult.Period> periods, java.util.function.Function<TaskResult.Period, Map<String, Long>> count) {
        Map<String, Long> sum = new TreeMap<>();
        periods.forEach(p -> count.apply(p).forEach((l, n) -> sum.merge(l, n, Long::sum)));
        return sum;
    }

    private static Map<String, List<TaskResult.Period>> histories(List<TaskResult> repos, String tag) {
        Map<String, List<TaskResult.Period>> m = new TreeMap<>();
        for (TaskResult r : repos) {
            if (tag == null || r.task().tags().contains(tag)) {
                m.put(r.task().name(), r.history());
            }
        }
        return m;
    }

    /** Every task with its outcome; per repository the figures the report's tables show. */
    private static Map<String, Object> summary(List<TaskResult> results, Map<String, Object> tags, List<TaskResult> binaries)
            throws IOException {
        List<Object> tasks = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (TaskResult r : results) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", r.task().name());
            t.put("kind", r.task().kind().name());
            t.put("path", r.task().path());
            t.put("tags", r.task().tags());
            t.put("ok", r.ok());
            if (!r.ok()) {
                t.put("error", r.error());
                failures.add(Map.of("name", r.task().name(), "kind", r.task().kind().name(), "error", r.error()));
            } else if (r.task().kind() == FleetTask.Kind.repository) {
                t.put("tip", r.tip());
                Map<String, Long> code = new TreeMap<>();
                r.census().forEach(l -> code.put(l.language(), l.code()));
                t.put("languages", code);
                t.put("memory_unsafe_share", Rollup.codeShare(code));
                Map<String, Long> added = total(r.history(), TaskResult.Period::added);
                t.put("added", added);
                t.put("added_lines", total(r.history(), TaskResult.Period::addedLines));
                t.put("deleted_lines", total(r.history(), TaskResult.Period::deletedLines));
                t.put("new_unsafe_share", Output.round(io.memsafe.census.history.HistoryEngine.newUnsafeShare(added)));
                t.put("rust_unsafe", Output.JSON.readTree(r.censusJson()).path("rust_unsafe"));
                t.put("commits_processed", r.commitsProcessed());
            } else if (r.task().kind() == FleetTask.Kind.binaries) {
                t.put("binaries", r.binaries().stream().filter(b -> b.error() == null).count());
                t.put("hardening", HardeningCoverage.of(List.of(r)));
            } else {
                t.put("findings", r.findings().size());
            }
            t.put("millis", r.millis());
            tasks.add(t);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tasks", tasks);
        root.put("failures", failures);
        root.put("tags", tags);
        root.put("hardening", HardeningCoverage.of(binaries));
        return root;
    }

    private static List<Row> censusRows(List<TaskResult> repos) {
        List<Row> rows = new ArrayList<>();
        for (TaskResult r : repos) {
            for (TaskResult.LanguageRow l : r.census()) {
                rows.add(RowFactory.create(r.task().name(), r.tip(), l.language(), LanguageTable.safetyOf(l.language()).label(),
                        l.files(), l.code(), l.comment(), l.blank()));
            }
        }
        return rows;
    }

    private static List<Row> historyRows(List<TaskResult> repos) {
        List<Row> rows = new ArrayList<>();
        for (TaskResult r : repos) {
            for (TaskResult.Period p : r.history()) {
                TreeSet<String> langs = new TreeSet<>(p.languages().keySet());
                langs.addAll(p.added().keySet());
                langs.addAll(p.deleted().keySet());
                langs.addAll(p.addedLines().keySet());
                langs.addAll(p.deletedLines().keySet());
                for (String l : langs) {
                    rows.add(RowFactory.create(r.task().name(), p.start(), p.end(), p.commit(), p.commits(), l,
                            LanguageTable.safetyOf(l).label(), p.languages().getOrDefault(l, 0L), p.added().getOrDefault(l, 0L),
                            p.deleted().getOrDefault(l, 0L), p.addedLines().getOrDefault(l, 0L), p.deletedLines().getOrDefault(l, 0L),
                            p.rustUnsafeLines()));
                }
            }
        }
        return rows;
    }

    private static List<Row> hardenRows(List<TaskResult> trees) {
        List<Row> rows = new ArrayList<>();
        for (TaskResult r : trees) {
            for (TaskResult.BinaryRow b : r.binaries()) {
                if (b.error() != null || b.values().isEmpty()) {
                    rows.add(RowFactory.create(r.task().name(), b.path(), b.format(), b.kind(), b.error(), null, null, null));
                }
                for (Map.Entry<String, String> v : b.values().entrySet()) {
                    rows.add(RowFactory.create(r.task().name(), b.path(), b.format(), b.kind(), null, v.getKey(), v.getValue(),
                            b.satisfied().get(v.getKey())));
                }
            }
        }
        return rows;
    }

    private static List<Row> scanRows(List<TaskResult> results) {
        List<Row> rows = new ArrayList<>();
        for (TaskResult r : results) {
            for (TaskResult.FindingRow f : r.findings()) {
                rows.add(RowFactory.create(r.task().name(), f.rule(), f.name(), f.cwe(), f.file(), f.line(), f.message()));
            }
        }
        return rows;
    }

    /** A Parquet table partitioned by repository; nothing when there are no rows of that kind. */
    private static void table(SparkSession spark, Path dir, List<Row> rows, String columns) {
        if (rows.isEmpty()) {
            return;
        }
        StructType schema = StructType.fromDDL("repository STRING, " + columns);
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).partitionBy("repository")
                .parquet(dir.toAbsolutePath().toUri().toString());
    }

    private static void json(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Output.JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
