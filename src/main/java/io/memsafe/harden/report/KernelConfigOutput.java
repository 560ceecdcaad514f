package io.memsafe.harden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.memsafe.harden.checks.Verdict;
import io.memsafe.harden.kernel.KernelCheck;
import io.memsafe.harden.kernel.KernelCheckCatalog;
import io.memsafe.harden.kernel.KernelConfigAudit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel configuration audit in the three formats {@code harden} writes: a text list (one line per
 * check of the architecture), JSON shaped like a binary's entry ({@code checks}, {@code details},
 * {@code reasons}, {@code missing}), and SARIF whose rules come from {@code kernel-checks.yaml}.
 * No timestamps: the same configuration gives the same bytes.
 */
public final class KernelConfigOutput {
    private static final String GREEN = "\u001b[32m", RED = "\u001b[31m", YELLOW = "\u001b[33m", RESET = "\u001b[m";

    private KernelConfigOutput() {}

    public static void text(KernelConfigAudit.Report r, PrintWriter out, boolean colour) {
        out.printf("%s: Linux %s, %s, %d options%n", r.path(), r.kernelVersion() == null ? "(version unknown)" : r.kernelVersion(),
                r.architecture(), r.options());
        int idWidth = 0;
        for (KernelCheck c : KernelCheckCatalog.all()) if (c.appliesTo(r.architecture())) idWidth = Math.max(idWidth, c.id().length());
        int ok = 0, failed = 0;
        for (KernelCheck c : KernelCheckCatalog.all()) {
            Verdict v = r.verdicts().get(c.id());
            if (v == null || !v.applicable()) continue;
            boolean required = r.missing().contains(c.id());
            String status = v.satisfied() ? "ok  " : required ? "FAIL" : "no  ";
            if (v.satisfied()) ok++; else failed++;
            if (colour) status = (v.satisfied() ? GREEN : required ? RED : YELLOW) + status + RESET;
            out.printf("%s  %-" + idWidth + "s  %-9s  %s%n", status, c.id(), c.source(), v.reason());
        }
        for (String w : r.warnings()) out.println("warning: " + w);
        out.printf("memsafe harden: kernel configuration %s: %d checks in place, %d not, %d required missing%n",
                r.meetsPolicy() ? "meets the policy" : "misses required options", ok, failed, r.missing().size());
        out.flush();
    }

    public static Map<String, Object> jsonTree(KernelConfigAudit.Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "memsafe harden");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("path", r.path());
        config.put("format", "kernel-config");
        config.put("architecture", r.architecture());
        config.put("kernel_version", r.kernelVersion());
        config.put("options", r.options());
        Map<String, Object> checks = new LinkedHashMap<>(), details = new LinkedHashMap<>(), reasons = new LinkedHashMap<>();
        for (Map.Entry<String, Verdict> e : r.verdicts().entrySet()) {
            checks.put(e.getKey(), e.getValue().value());
            if (!e.getValue().details().isEmpty()) details.put(e.getKey(), e.getValue().details());
            if (e.getValue().reason() != null) reasons.put(e.getKey(), e.getValue().reason());
        }
        config.put("checks", checks);
        config.put("details", details);
        config.put("reasons", reasons);
        config.put("missing", r.missing());
        config.put("warnings", r.warnings());
        root.put("kernel_config", config);
        return root;
    }

    public static Map<String, Object> sarifTree(KernelConfigAudit.Report r) {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (KernelCheck c : KernelCheckCatalog.all()) {
            index.put(c.id(), rules.size());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", c.id());
            rule.put("shortDescription", Map.of("text", c.title()));
            rule.put("fullDescription", Map.of("text", c.rationale()));
            Map<String, Object> help = new LinkedHashMap<>();
            help.put("text", c.rationale() + " Set " + c.requirement() + ".");
            help.put("markdown", "**" + c.title() + "** (`" + c.id() + "`)\n\n" + c.rationale() + "\n\nSet `" + c.requirement() + "`.");
            rule.put("help", help);
            rule.put("defaultConfiguration", Map.of("level", "error"));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("source", c.source());
            props.put("architectures", c.architectures());
            props.put("tags", List.of("security", "kernel"));
            rule.put("properties", props);
            rules.add(rule);
        }
        String uri;
        try {
            uri = Path.of(r.path()).toUri().toString();
        } catch (RuntimeException e) {
            uri = r.path();
        }
        Map<String, Object> location = Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri)));
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : r.missing()) {
            Verdict v = r.verdicts().get(id);
            KernelCheck c = KernelCheckCatalog.all().get(index.get(id));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", id);
            result.put("ruleIndex", index.get(id));
            result.put("level", "error");
            result.put("message", Map.of("text", r.architecture() + " kernel configuration " + r.path() + " lacks " + c.title()
                    + " (" + v.reason() + "). Set " + c.requirementFor(r.architecture()) + "."));
            result.put("locations", List.of(location));
            result.put("properties", Map.of("details", v.details()));
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "memsafe-harden");
        driver.put("semanticVersion", "0.1.0");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(Map.of("executionSuccessful", true)));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SarifReport.SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return root;
    }

    public static void json(Map<String, Object> tree, Writer out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, tree);
    }
}
