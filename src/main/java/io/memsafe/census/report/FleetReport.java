package io.memsafe.census.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.memsafe.census.Output;
import io.memsafe.census.history.HistoryEngine;
import io.memsafe.census.history.PeriodResult;
import io.memsafe.census.history.ShareChart;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.Safety;
import io.memsafe.census.model.LanguageCount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code memsafe report FLEET-OUT}: the fleet drawn from what {@code memsafe fleet} wrote (rollup.json, tags/,
 * fleet.json, repos/NAME/): the fleet's trend chart and periods, a table per repository and per tag, the repositories
 * that move the figures most, the hardening coverage of the binaries, and one page per repository (the single
 * repository report's page, from the fleet's census and history of it), linked from the tables. Reading JSON keeps
 * this out of Spark: the main jar has no Parquet reader and needs none.
 */
final class FleetReport {

    private FleetReport() {
    }

    static boolean isFleetOutput(Path dir) {
        return Files.isRegularFile(dir.resolve("rollup.json")) && Files.isRegularFile(dir.resolve("fleet.json"));
    }

    /** Writes the fleet page to {@code output} and the repository pages beside it; returns every page written. */
    static List<Path> write(Path dir, Path output) throws IOException {
        JsonNode rollup = read(dir.resolve("rollup.json"));
        JsonNode fleet = read(dir.resolve("fleet.json"));
        Path pagesDir = output.toAbsolutePath().resolveSibling(stem(output) + "-repos");
        List<Path> pages = new ArrayList<>();

        Map<String, Object> m = new HashMap<>();
        m.put("title", dir.toAbsolutePath().normalize().getFileName().toString());
        m.put("version", "0.1.0");
        List<PeriodResult> periods = periods(rollup);
        m.put("history", ReportCommand.historyModel(periods, "period"));
        if (!periods.isEmpty()) {
            PeriodResult last = periods.get(periods.size() - 1);
            m.put("unsafeShare", Output.percent(last.memoryUnsafeShare()));
            m.put("lastPeriod", last.start());
        }
        m.put("repositories", repositoryRows(fleet, dir, pagesDir, pages));
        m.put("tags", tagRows(dir));
        m.put("movers", moverRows(rollup));
        m.put("hardening", hardeningModel(fleet.path("hardening")));
        List<Map<String, Object>> other = new ArrayList<>();
        for (JsonNode t : fleet.path("tasks")) {
            if (!t.path("kind").asText().equals("repository")) {
                Map<String, Object> r = new HashMap<>();
                r.put("name", t.path("name").asText());
                r.put("kind", t.path("kind").asText());
                r.put("path", t.path("path").asText());
                r.put("result", !t.path("ok").asBoolean() ? "failed: " + t.path("error").asText()
                        : t.has("findings") ? t.path("findings").asInt() + " findings" : t.path("binaries").asLong() + " binaries");
                other.add(r);
            }
        }
        m.put("others", other);
        Output.write(ReportCommand.render(m, "/io/memsafe/census/fleet-report.mustache"), output, null);
        pages.add(0, output);
        return pages;
    }

    private static List<Map<String, Object>> repositoryRows(JsonNode fleet, Path dir, Path pagesDir, List<Path> pages) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode t : fleet.path("tasks")) {
            if (!t.path("kind").asText().equals("repository")) {
                continue;
            }
            String name = t.path("name").asText();
            Map<String, Object> r = new HashMap<>();
            r.put("name", name);
            r.put("tags", String.join(", ", strings(t.path("tags"))));
            if (!t.path("ok").asBoolean()) {
                r.put("error", t.path("error").asText());
                rows.add(r);
                continue;
            }
            Map<String, Long> code = longs(t.path("languages"));
            Map<String, Long> added = longs(t.path("added"));
            r.put("unsafeCode", ReportCommand.sum(code, Safety.UNSAFE));
            r.put("safeCode", ReportCommand.sum(code, Safety.SAFE));
            r.put("share", Output.percent(nullable(t.path("memory_unsafe_share"))));
            r.put("addedUnsafe", ReportCommand.sum(added, Safety.UNSAFE));
            r.put("addedSafe", ReportCommand.sum(added, Safety.SAFE));
            r.put("newShare", Output.percent(nullable(t.path("new_unsafe_share"))));
            r.put("rustUnsafe", code.containsKey("Rust") ? Output.percent(nullable(t.path("rust_unsafe").path("share"))) : "-");
            Path repoDir = dir.resolve("repos").resolve(name);
            if (Files.isRegularFile(repoDir.resolve("census.json"))) {
                Path page = pagesDir.resolve(name + ".html");
                Output.write(ReportCommand.render(repositoryPage(name, repoDir)), page, null);
                pages.add(page);
                r.put("page", pagesDir.getFileName() + "/" + name + ".html");
            }
            rows.add(r);
        }
        return rows;
    }

    /** The single repository report's model, from the census and history the fleet ran. */
    private static Map<String, Object> repositoryPage(String name, Path repoDir) throws IOException {
        JsonNode census = read(repoDir.resolve("census.json"));
        Map<String, Object> m = new HashMap<>();
        m.put("title", name);
        m.put("version", "0.1.0");
        m.put("commit", census.path("commit").asText(null));
        m.put("unsafeShare", Output.percent(nullable(census.path("memory_unsafe_share"))));
        Map<String, LanguageCount> langs = Output.JSON.convertValue(census.path("languages"), new TypeReference<TreeMap<String, LanguageCount>>() { });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : io.memsafe.census.CensusFormat.ordered(langs)) {
            Safety s = LanguageTable.safetyOf(e.getKey());
            rows.add(ReportCommand.row(e.getValue(), Map.of("name", e.getKey(), "label", s.label(), "cssClass", s.name().toLowerCase(Locale.ROOT))));
        }
        m.put("languages", rows);
        List<Map<String, Object>> groups = new ArrayList<>();
        io.memsafe.census.CensusFormat.groups(langs).forEach((label, c) -> groups.add(ReportCommand.row(c, Map.of("label", label))));
        m.put("groups", groups);
        if (Files.isRegularFile(repoDir.resolve("history.json"))) {
            m.put("history", ReportCommand.historyModel(Output.JSON.convertValue(read(repoDir.resolve("history.json")).path("periods"),
                    new TypeReference<List<PeriodResult>>() { }), "period"));
        }
        m.put("planNote", "The fleet runs no porting plan: run memsafe report on the work tree for one.");
        return m;
    }

    private static List<Map<String, Object>> tagRows(Path dir) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Path tags = dir.resolve("tags");
        if (!Files.isDirectory(tags)) {
            return rows;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tags, "*.json")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            JsonNode tag = read(f);
            List<PeriodResult> periods = periods(tag);
            Map<String, Long> added = new TreeMap<>();
            periods.forEach(p -> p.added().forEach((l, n) -> added.merge(l, n, Long::sum)));
            Map<String, Object> r = new HashMap<>();
            String name = f.getFileName().toString();
            r.put("tag", name.substring(0, name.length() - ".json".length()));
            r.put("repositories", String.join(", ", strings(tag.path("repositories"))));
            r.put("share", periods.isEmpty() ? "-" : Output.percent(periods.get(periods.size() - 1).memoryUnsafeShare()));
            r.put("newShare", Output.percent(HistoryEngine.newUnsafeShare(added)));
            rows.add(r);
        }
        return rows;
    }

    private static List<Map<String, Object>> moverRows(JsonNode rollup) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode mv : rollup.path("movers")) {
            Map<String, Object> r = new HashMap<>();
            r.put("name", mv.path("repository").asText());
            r.put("codeEffect", points(nullable(mv.path("memory_unsafe_share_effect"))));
            r.put("newEffect", points(nullable(mv.path("new_unsafe_share_effect"))));
            r.put("code", mv.path("code").asLong());
            r.put("added", mv.path("added").asLong());
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, Object> hardeningModel(JsonNode coverage) {
        Map<String, Object> m = new HashMap<>();
        m.put("binaries", coverage.path("binaries").asLong());
        m.put("errors", coverage.path("errors").asLong());
        List<Map<String, Object>> checks = new ArrayList<>();
        coverage.path("checks").fields().forEachRemaining(e -> {
            Map<String, Object> r = new HashMap<>();
            r.put("check", e.getKey());
            r.put("applicable", e.getValue().path("applicable").asLong());
            r.put("present", e.getValue().path("present").asLong());
            r.put("share", Output.percent(nullable(e.getValue().path("share"))));
            checks.add(r);
        });
        m.put("checks", checks);
        return m;
    }

    /** The roll-up's periods as history periods, which the share chart draws. */
    private static List<PeriodResult> periods(JsonNode rollup) {
        List<PeriodResult> out = new ArrayList<>();
        for (JsonNode p : rollup.path("periods")) {
            out.add(new PeriodResult(p.path("start").asText(), p.path("end").asText(), "", p.path("commits").asInt(),
                    longs(p.path("languages")), longs(p.path("added")), longs(p.path("deleted")),
                    longs(p.path("added_lines")), longs(p.path("deleted_lines")),
                    nullable(p.path("memory_unsafe_share")), nullable(p.path("new_unsafe_share")), p.path("rust_unsafe_lines").asLong()));
        }
        return out;
    }

    private static String points(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%+.1f", share * 100);
    }

    private static Double nullable(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> m = new TreeMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static JsonNode read(Path file) throws IOException {
        return Output.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }
}
