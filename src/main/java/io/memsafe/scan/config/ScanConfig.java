package io.memsafe.scan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code .memsafe.yml} at the root of the tree: which rules run and at what level, which paths are
 * not scanned, the attack surface (entry points and untrusted sources), the data model, budgets, the
 * baseline and suppressions files and when to fail. Flags on the command line override it.
 *
 * <pre>
 * rules: {MS401: off, MS457: note}       # off | on | error | warning | note
 * exclude: ["third_party/**", "tests/**"] # globs relative to the tree's root
 * entry: ["*_ioctl", "handle_request"]    # globs over function names the attacker calls
 * untrusted: ["my_recv"]                  # functions whose results and out-parameters are untrusted
 * data-model: LP64
 * budgets: {ms: 60000, steps: 300000}
 * baseline: memsafe-baseline.sarif
 * suppressions: .memsafe-suppressions.yml
 * fail-on: new                            # new | any | none
 * </pre>
 */
public record ScanConfig(Map<String, String> ruleLevels, List<String> exclude, List<String> entryGlobs,
                         List<String> untrustedSources, String dataModel, Long budgetMillis, Long budgetSteps,
                         Path baseline, Path suppressions, String failOn, List<String> warnings) {
    public static final String FILE_NAME = ".memsafe.yml";
    private static final Set<String> KEYS = Set.of("rules", "exclude", "entry", "untrusted", "data-model", "budgets",
            "baseline", "suppressions", "fail-on");
    private static final Set<String> LEVELS = Set.of("off", "on", "error", "warning", "note");

    public static ScanConfig none() {
        return new ScanConfig(Map.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null, List.of());
    }

    /**
     * Reads a config file; relative paths in it are relative to its directory. What does not fit the
     * format is an error, except unknown keys, which become warnings (a newer memsafe's config still loads).
     */
    public static ScanConfig read(Path file) throws IOException {
        JsonNode doc;
        try {
            doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": " + firstLine(e.getMessage()), e);
        }
        if (doc == null || doc.isNull() || doc.isMissingNode()) return none();
        if (!doc.isObject()) throw new IOException(file + ": expected a mapping of settings");
        Path dir = file.toAbsolutePath().getParent();
        List<String> warnings = new ArrayList<>();
        doc.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) warnings.add(file + ": unknown setting '" + k + "' ignored");
        });
        Map<String, String> levels = new LinkedHashMap<>();
        JsonNode rules = doc.path("rules");
        if (!rules.isMissingNode() && !rules.isNull()) {
            if (!rules.isObject()) throw new IOException(file + ": 'rules' must map rule ids to off, on, error, warning or note");
            var it = rules.fields();
            while (it.hasNext()) {
                var e = it.next();
                // YAML reads a bare off/on as a boolean
                String v = e.getValue().isBoolean() ? (e.getValue().asBoolean() ? "on" : "off") : e.getValue().asText().toLowerCase(Locale.ROOT);
                if (!LEVELS.contains(v)) throw new IOException(file + ": rule " + e.getKey() + ": '" + v + "' is not off, on, error, warning or note");
                levels.put(e.getKey().toUpperCase(Locale.ROOT), v);
            }
        }
        String failOn = text(doc, "fail-on");
        if (failOn != null && !List.of("new", "any", "none").contains(failOn)) throw new IOException(file + ": fail-on must be new, any or none");
        JsonNode budgets = doc.path("budgets");
        return new ScanConfig(levels, strings(doc, "exclude", file), strings(doc, "entry", file), strings(doc, "untrusted", file),
                text(doc, "data-model"), budgets.has("ms") ? budgets.get("ms").asLong() : null,
                budgets.has("steps") ? budgets.get("steps").asLong() : null,
                path(dir, text(doc, "baseline")), path(dir, text(doc, "suppressions")), failOn, warnings);
    }

    /** Whether a rule runs: only "off" turns it off. */
    public boolean enabled(String ruleId) {
        return !"off".equals(ruleLevels.get(ruleId));
    }

    /** The rule's level: the configured one, or its own default ("on" keeps the default). */
    public String level(String ruleId, String defaultLevel) {
        String v = ruleLevels.get(ruleId);
        if (v == null || "on".equals(v)) return defaultLevel;
        return "off".equals(v) ? "none" : v;
    }

    /** Whether a path relative to the tree's root matches one of the {@code exclude} globs. */
    public boolean excluded(String relativePath) {
        if (relativePath == null) return false;
        Path p = Path.of(relativePath);
        for (PathMatcher m : excludeMatchers()) if (m.matches(p)) return true;
        return false;
    }

    private List<PathMatcher> excludeMatchers() {
        List<PathMatcher> ms = new ArrayList<>();
        for (String g : exclude) {
            ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            // a plain directory name excludes everything below it
            if (!g.contains("*")) ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g + "/**"));
        }
        return ms;
    }

    private static String text(JsonNode doc, String key) {
        JsonNode n = doc.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Path path(Path dir, String p) {
        return p == null ? null : dir.resolve(p).normalize();
    }

    private static List<String> strings(JsonNode doc, String key, Path file) throws IOException {
        JsonNode n = doc.get(key);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) throw new IOException(file + ": '" + key + "' must be a list of strings");
        for (JsonNode e : n) out.add(e.asText());
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) return "cannot read";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
