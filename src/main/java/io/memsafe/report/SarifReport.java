package io.memsafe.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.Rule;
import io.memsafe.analysis.engine.TraceStep;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.SourceLoc;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: one rule per checker with CWE tags
 * ({@code external/cwe/cwe-NNN}), locations relative to {@code %SRCROOT%}, a fingerprint, a codeFlow
 * for the trace, the baseline state and suppressions per result. Keys and lists are in a fixed order,
 * so the same findings give byte-identical output.
 */
public final class SarifReport {
    /** The property on a result that holds the function the finding sits in (read back from baselines). */
    public static final String FUNCTION_PROPERTY = "memsafe/function";
    /** The {@code partialFingerprints} key; the version changes if the recipe ever does. */
    public static final String FINGERPRINT_KEY = "memsafe/v1";

    private SarifReport() { }

    public static void write(ScanReport r, List<Checker> checkers, String version, Writer out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        doc.put("version", "2.1.0");
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "memsafe");
        driver.put("semanticVersion", version);
        driver.put("informationUri", "https://github.com/memsafe/memsafe");
        List<Object> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Checker c : checkers) {
            Rule rule = c.rule();
            ruleIndex.put(rule.id(), rules.size());
            rules.add(rule(rule, r.levelOf(rule.id(), rule.level())));
        }
        driver.put("rules", rules);
        run.put("tool", Map.of("driver", driver));
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("uri", r.root().uri());
        run.put("originalUriBaseIds", Map.of(SourceRoot.BASE_ID, base));
        List<Object> results = new ArrayList<>();
        for (ReportedFinding rf : r.results()) results.add(result(rf, ruleIndex, r.root()));
        for (JsonNode gone : r.absent()) {
            ObjectNode copy = gone.deepCopy();
            Integer idx = ruleIndex.get(copy.path("ruleId").asText());
            if (idx != null) copy.put("ruleIndex", idx);
            else copy.remove("ruleIndex");
            copy.put("baselineState", "absent");
            results.add(copy);
        }
        run.put("results", results);
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put("executionSuccessful", true);
        List<Object> notes = new ArrayList<>();
        for (Diagnostic d : r.allDiagnostics()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("level", d.level() == Diagnostic.Level.ERROR ? "error" : d.level() == Diagnostic.Level.WARNING ? "warning" : "note");
            n.put("message", Map.of("text", d.message()));
            if (d.loc().line() > 0) n.put("locations", List.of(location(d.loc(), null, r.root())));
            notes.add(n);
        }
        inv.put("toolExecutionNotifications", notes);
        run.put("invocations", List.of(inv));
        run.put("columnKind", "unicodeCodePoints");
        run.put("properties", Map.of("summary", Summary.of(r).asMap()));
        doc.put("runs", List.of(run));
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        m.writeValue(out, doc);
    }

    private static Map<String, Object> result(ReportedFinding rf, Map<String, Integer> ruleIndex, SourceRoot root) {
        Finding f = rf.finding();
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("ruleId", f.rule().id());
        Integer idx = ruleIndex.get(f.rule().id());
        if (idx != null) res.put("ruleIndex", idx);
        res.put("level", rf.level());
        res.put("message", Map.of("text", f.message()));
        res.put("locations", List.of(location(f.loc(), null, root)));
        res.put("partialFingerprints", Map.of(FINGERPRINT_KEY, rf.fingerprint()));
        if (!f.trace().isEmpty()) {
            List<Object> locs = new ArrayList<>();
            for (TraceStep t : f.trace()) locs.add(Map.of("location", location(t.loc(), t.message(), root)));
            res.put("codeFlows", List.of(Map.of("threadFlows", List.of(Map.of("locations", locs)))));
        }
        if (rf.baseline().sarif() != null) res.put("baselineState", rf.baseline().sarif());
        if (rf.suppressed()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", rf.suppression().kind());
            s.put("status", "accepted");
            s.put("justification", rf.suppression().justification());
            res.put("suppressions", List.of(s));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tags", List.of("security", "external/cwe/cwe-" + f.rule().cwe()));
        if (rf.function() != null) props.put(FUNCTION_PROPERTY, rf.function());
        res.put("properties", props);
        return res;
    }

    static Map<String, Object> rule(Rule rule, String level) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rule.id());
        m.put("name", rule.name());
        m.put("shortDescription", Map.of("text", rule.title()));
        m.put("fullDescription", Map.of("text", rule.rationale()));
        // in a fixed order (Map.of with two keys iterates in an order that changes from one JVM run to the next)
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("text", rule.title() + " (CWE-" + rule.cwe() + "). " + rule.rationale());
        help.put("markdown", "**" + rule.title() + "** ([CWE-" + rule.cwe() + "](https://cwe.mitre.org/data/definitions/" + rule.cwe() + ".html))\n\n" + rule.rationale());
        m.put("help", help);
        Map<String, Object> config = new LinkedHashMap<>();
        if ("none".equals(level)) config.put("enabled", false);
        config.put("level", "none".equals(level) ? rule.level() : level);
        m.put("defaultConfiguration", config);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tags", List.of("security", "memory-safety", "external/cwe/cwe-" + rule.cwe()));
        props.put("precision", "high");
        props.put("problem.severity", "error".equals(rule.level()) ? "error" : "warning");
        props.put("security-severity", "error".equals(rule.level()) ? "8.8" : "6.5");
        m.put("properties", props);
        return m;
    }

    private static Map<String, Object> location(SourceLoc loc, String message, SourceRoot root) {
        Map<String, Object> l = new LinkedHashMap<>();
        Map<String, Object> phys = new LinkedHashMap<>();
        Map<String, Object> art = new LinkedHashMap<>();
        String rel = root.relative(loc.file());
        if (rel != null) {
            art.put("uri", Uris.escape(rel));
            art.put("uriBaseId", SourceRoot.BASE_ID);
        } else {
            art.put("uri", Uris.fileUri(loc.file()));
        }
        phys.put("artifactLocation", art);
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", Math.max(1, loc.line()));
        region.put("startColumn", Math.max(1, loc.column()));
        phys.put("region", region);
        l.put("physicalLocation", phys);
        if (message != null) l.put("message", Map.of("text", message));
        return l;
    }
}
