package io.memsafe.harden.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.memsafe.harden.BinaryReport;
import io.memsafe.harden.HardenScanner;
import io.memsafe.harden.checks.Check;
import io.memsafe.harden.checks.CheckCatalog;
import io.memsafe.harden.checks.Mitigation;
import io.memsafe.harden.checks.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0: one rule per check, generated from its {@link Mitigation} annotation (so the rule text cannot
 * drift from the code), and one result per binary and missing required mitigation. Per-file errors are
 * tool execution notifications, not results, because they say nothing about the binary's mitigations.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {}

    public static Map<String, Object> toTree(HardenScanner.Scan scan) {
        List<Check> checks = CheckCatalog.all();
        Map<String, Integer> index = new HashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Check c : checks) {
            index.put(c.id(), rules.size());
            rules.add(rule(c.mitigation()));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (BinaryReport r : scan.reports()) {
            if (!r.analysed()) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("level", "error");
                n.put("message", Map.of("text", r.path() + ": " + r.error()));
                n.put("locations", List.of(location(r.path())));
                notifications.add(n);
                continue;
            }
            for (String id : r.missing()) {
                Mitigation m = checks.get(index.get(id)).mitigation();
                Verdict v = r.verdicts().get(id);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", id);
                result.put("ruleIndex", index.get(id));
                result.put("level", "error");
                String value = v.value() == null ? "" : " (value: " + v.value() + ")";
                result.put("message", Map.of("text", r.kind() + " " + r.path() + " lacks " + m.title() + value
                        + ". Enable with gcc: " + m.gcc() + "; clang: " + m.clang() + "; MSVC: " + m.msvc() + "."));
                result.put("locations", List.of(location(r.path())));
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("kind", r.kind());
                props.put("machine", r.machine());
                if (!v.details().isEmpty()) props.put("details", v.details());
                result.put("properties", props);
                results.add(result);
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "memsafe-harden");
        driver.put("semanticVersion", "0.1.0");
        driver.put("rules", rules);
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", notifications.isEmpty());
        invocation.put("toolExecutionNotifications", notifications);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(invocation));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return root;
    }

    static Map<String, Object> rule(Mitigation m) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", m.id());
        rule.put("name", camel(m.title()));
        rule.put("shortDescription", Map.of("text", m.title()));
        rule.put("fullDescription", Map.of("text", m.rationale()));
        String help = m.rationale() + " Enable with gcc: " + m.gcc() + "; clang: " + m.clang() + "; MSVC: " + m.msvc() + ".";
        String markdown = "**" + m.title() + "** (`" + m.id() + "`)\n\n" + m.rationale() + "\n\n"
                + "| toolchain | how to enable |\n|---|---|\n| gcc | `" + m.gcc() + "` |\n| clang | `" + m.clang()
                + "` |\n| MSVC | `" + m.msvc() + "` |\n";
        Map<String, Object> helpText = new LinkedHashMap<>(); // not Map.of: its order varies between JVM runs
        helpText.put("text", help);
        helpText.put("markdown", markdown);
        rule.put("help", helpText);
        rule.put("defaultConfiguration", Map.of("level", "error"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("checksec", m.checksec());
        props.put("binskim", m.binskim());
        props.put("value", m.value());
        props.put("platforms", List.of(m.platforms()));
        props.put("kinds", List.of(m.kinds()));
        props.put("gcc", m.gcc());
        props.put("clang", m.clang());
        props.put("msvc", m.msvc());
        props.put("tags", List.of("security", m.id().substring(0, m.id().indexOf('.'))));
        rule.put("properties", props);
        return rule;
    }

    private static String camel(String title) {
        StringBuilder sb = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) continue;
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return sb.toString();
    }

    private static Map<String, Object> location(String path) {
        String uri;
        try {
            uri = Path.of(path).toUri().toString();
        } catch (RuntimeException e) {
            uri = path;
        }
        return Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri)));
    }

    public static void write(HardenScanner.Scan scan, Writer out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, toTree(scan));
    }
}
