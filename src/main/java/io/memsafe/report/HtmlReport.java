package io.memsafe.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.TraceStep;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A static site a person reads findings in, as scan-build's HTML: {@code index.html} lists every finding
 * (sortable, filterable by rule, CWE, severity, file and directory, with counts), and one page per finding
 * shows the source with line numbers and the trace steps as numbered notes under the lines they concern.
 * No server and nothing fetched: it opens from disk. All text, the source above all, goes through the
 * template's HTML escaping, so a file whose comments hold markup shows that markup as text.
 */
public final class HtmlReport {
    private HtmlReport() { }

    public static void write(ScanReport r, SourceText source, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("f"));
        Template index = template("index.mustache");
        Template page = template("finding.mustache");
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (ReportedFinding rf : r.results()) {
            n++;
            Map<String, Object> row = common(rf, r.root());
            row.put("n", n);
            row.put("page", "f/" + n + ".html");
            rows.add(row);
            Files.writeString(dir.resolve("f/" + n + ".html"), page.execute(findingModel(rf, row, r.root(), source)), StandardCharsets.UTF_8);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("summary", Summary.of(r).line());
        model.put("count", rows.size());
        model.put("findings", rows);
        List<Object> filters = new ArrayList<>();
        filters.add(filter("rule", "rule", rows, m -> (String) m.get("rule")));
        filters.add(filter("cwe", "CWE", rows, m -> "CWE-" + m.get("cwe")));
        filters.add(filter("severity", "severity", rows, m -> (String) m.get("level")));
        filters.add(filter("dir", "directory", rows, m -> (String) m.get("dir")));
        filters.add(filter("file", "file", rows, m -> (String) m.get("file")));
        if (rows.stream().anyMatch(m -> !"".equals(m.get("state")))) filters.add(filter("state", "state", rows, m -> (String) m.get("state")));
        model.put("filters", filters);
        Files.writeString(dir.resolve("index.html"), index.execute(model), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> common(ReportedFinding rf, SourceRoot root) {
        Finding f = rf.finding();
        Map<String, Object> m = new LinkedHashMap<>();
        String file = root.display(f.loc().file());
        int slash = file.lastIndexOf('/');
        m.put("rule", f.rule().id());
        m.put("name", f.rule().name());
        m.put("cwe", f.rule().cwe());
        m.put("level", rf.level());
        m.put("file", file);
        m.put("dir", slash < 0 ? "." : file.substring(0, slash));
        m.put("line", f.loc().line());
        m.put("function", rf.function() == null ? "" : rf.function());
        m.put("message", f.message());
        m.put("suppressed", rf.suppressed());
        m.put("state", rf.baseline().sarif() == null ? (rf.suppressed() ? "suppressed" : "") : rf.baseline().sarif() + (rf.suppressed() ? ", suppressed" : ""));
        return m;
    }

    private static Map<String, Object> filter(String key, String label, List<Map<String, Object>> rows, Function<Map<String, Object>, String> value) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, Object> row : rows) counts.merge(value.apply(row), 1, Integer::sum);
        List<Object> options = new ArrayList<>();
        counts.forEach((v, c) -> options.add(Map.of("value", v, "count", c)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("label", label);
        m.put("total", rows.size());
        m.put("options", options);
        return m;
    }

    /** The trace as numbered steps, and each file the trace passes through with the steps under their lines. */
    private static Map<String, Object> findingModel(ReportedFinding rf, Map<String, Object> row, SourceRoot root, SourceText source) {
        Finding f = rf.finding();
        Map<String, Object> m = new LinkedHashMap<>(row);
        m.put("fingerprint", rf.fingerprint());
        m.put("state", rf.baseline().sarif() == null ? "" : rf.baseline().sarif());
        if (rf.suppressed()) {
            m.put("suppression", Map.of("origin", rf.suppression().origin(), "justification", rf.suppression().justification()));
        }
        List<TraceStep> steps = new ArrayList<>(f.trace());
        if (steps.isEmpty() || !steps.get(steps.size() - 1).loc().equals(f.loc())) steps.add(new TraceStep(f.loc(), f.message()));
        List<Object> stepRows = new ArrayList<>();
        // file -> line -> notes on that line, files in the order the trace first reaches them
        Map<String, Map<Integer, List<Map<String, Object>>>> notes = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            TraceStep t = steps.get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("n", i + 1);
            s.put("file", root.display(t.loc().file()));
            s.put("line", t.loc().line());
            s.put("message", t.message());
            stepRows.add(s);
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("step", i + 1);
            note.put("line", t.loc().line());
            note.put("message", t.message());
            note.put("last", i == steps.size() - 1);
            notes.computeIfAbsent(t.loc().file(), k -> new TreeMap<>()).computeIfAbsent(t.loc().line(), k -> new ArrayList<>()).add(note);
        }
        m.put("steps", stepRows);
        List<Object> files = new ArrayList<>();
        int fi = 0;
        for (Map.Entry<String, Map<Integer, List<Map<String, Object>>>> e : notes.entrySet()) {
            List<String> text = source.lines(e.getKey());
            List<Object> lines = new ArrayList<>();
            for (int ln = 1; ln <= text.size(); ln++) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("n", ln);
                l.put("text", utf8(text.get(ln - 1)));
                List<Map<String, Object>> here = e.getValue().getOrDefault(ln, List.of());
                l.put("hit", !here.isEmpty());
                l.put("sink", e.getKey().equals(f.loc().file()) && ln == f.loc().line());
                l.put("notes", here);
                lines.add(l);
            }
            // steps at lines the file does not have (a macro's expansion, an unreadable file) still show
            for (Map.Entry<Integer, List<Map<String, Object>>> missing : e.getValue().entrySet()) {
                if (missing.getKey() < 1 || missing.getKey() > text.size()) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("n", missing.getKey());
                    l.put("text", "(line not available)");
                    l.put("hit", true);
                    l.put("sink", false);
                    l.put("notes", missing.getValue());
                    lines.add(l);
                }
            }
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("index", fi);
            file.put("fileIndex", fi);
            file.put("file", root.display(e.getKey()));
            file.put("lines", lines);
            files.add(file);
            fi++;
        }
        m.put("files", files);
        return m;
    }

    /** Source is read byte for byte (ISO-8859-1); shown as UTF-8, what C sources mostly are, invalid bytes replaced. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static Template template(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/io/memsafe/report/" + name)) {
            if (in == null) throw new IOException("report template " + name + " missing from the jar");
            return Mustache.compiler().defaultValue("").emptyStringIsFalse(true).compile(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
