package io.memsafe.scan.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.SourceLoc;
import io.memsafe.report.ReportedFinding;
import io.memsafe.report.SourceText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviewed findings a person silenced, with a reason: a comment on the finding's line or on the comment
 * lines right above it ({@code // memsafe-ignore MS121: length checked by caller}), or an entry of a
 * suppressions file keyed by fingerprint. A suppressed finding stays in the report with its
 * justification; a suppression that matches nothing is reported as stale, so silencing cannot outlive
 * the code it was written for unnoticed.
 */
public final class Suppressions {
    private static final Pattern INLINE = Pattern.compile(
            "memsafe-ignore\\s+(\\*|[A-Za-z]+[0-9]+(?:\\s*,\\s*[A-Za-z]+[0-9]+)*)\\s*(?::\\s*(.*?))?\\s*(?:\\*/.*)?$");

    /** A {@code memsafe-ignore} comment: the rules it names ("*": all) and the reason. */
    public record Inline(String file, int line, Set<String> rules, String reason) {
        boolean covers(String rule) {
            return rules.contains("*") || rules.contains(rule);
        }
    }

    /** An entry of the suppressions file. */
    public record Entry(String fingerprint, String rule, String reason) { }

    /** The findings with their suppressions, and one diagnostic per suppression that matched nothing. */
    public record Applied(List<ReportedFinding> results, List<Diagnostic> stale) { }

    private final Map<String, List<Inline>> inlineByFile = new LinkedHashMap<>();
    private final List<Entry> entries;
    private final Path file;
    private final SourceText source;

    private Suppressions(List<Inline> inline, List<Entry> entries, Path file, SourceText source) {
        for (Inline i : inline) inlineByFile.computeIfAbsent(i.file(), k -> new ArrayList<>()).add(i);
        this.entries = entries;
        this.file = file;
        this.source = source;
    }

    /**
     * The comments in {@code files} (the scanned sources and the files findings are in) and the entries
     * of {@code suppressionsFile} (may be null).
     */
    public static Suppressions load(SourceText source, Collection<String> files, Path suppressionsFile) throws IOException {
        List<Inline> inline = new ArrayList<>();
        for (String f : new LinkedHashSet<>(files)) inline.addAll(inline(f, source.lines(f)));
        List<Entry> entries = suppressionsFile == null ? List.of() : readFile(suppressionsFile);
        return new Suppressions(inline, entries, suppressionsFile, source);
    }

    static List<Inline> inline(String file, List<String> lines) {
        List<Inline> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int at = l.indexOf("memsafe-ignore");
            if (at < 0) continue;
            int comment = Math.max(l.lastIndexOf("//", at), l.lastIndexOf("/*", at));
            if (comment < 0) continue;
            Matcher m = INLINE.matcher(l.substring(at));
            if (!m.find()) continue;
            Set<String> rules = new LinkedHashSet<>();
            for (String r : m.group(1).split(",")) rules.add(r.trim().toUpperCase());
            String reason = m.group(2) == null ? "" : m.group(2).trim();
            out.add(new Inline(file, i + 1, rules, reason));
        }
        return out;
    }

    /**
     * A YAML or JSON file: {@code suppressions: [{fingerprint: "...", rule: MS121, reason: "..."}]}
     * (a bare list works too).
     */
    public static List<Entry> readFile(Path path) throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        JsonNode list = doc == null ? null : doc.isArray() ? doc : doc.get("suppressions");
        List<Entry> out = new ArrayList<>();
        if (list == null || list.isNull()) return out;
        if (!list.isArray()) throw new IOException("'suppressions' must be a list");
        for (JsonNode e : list) {
            String fp = e.path("fingerprint").asText("");
            if (fp.isEmpty()) throw new IOException("a suppression has no fingerprint: " + e);
            out.add(new Entry(fp, e.path("rule").asText(""), e.path("reason").asText(e.path("justification").asText(""))));
        }
        return out;
    }

    public Applied apply(List<ReportedFinding> findings) {
        Set<Inline> usedInline = new LinkedHashSet<>();
        Set<Entry> usedEntries = new LinkedHashSet<>();
        List<ReportedFinding> out = new ArrayList<>();
        for (ReportedFinding f : findings) {
            Inline in = inlineFor(f);
            if (in != null) {
                usedInline.add(in);
                out.add(f.withSuppression(new ReportedFinding.Suppression("inSource", reason(in.reason()),
                        "comment at line " + in.line())));
                continue;
            }
            Entry e = entryFor(f);
            if (e != null) {
                usedEntries.add(e);
                out.add(f.withSuppression(new ReportedFinding.Suppression("external", reason(e.reason()),
                        "suppressions file")));
                continue;
            }
            out.add(f);
        }
        List<Diagnostic> stale = new ArrayList<>();
        inlineByFile.values().forEach(l -> l.forEach(i -> {
            if (!usedInline.contains(i)) {
                stale.add(new Diagnostic(new SourceLoc(i.file(), i.line(), 1), Diagnostic.Level.WARNING,
                        "stale suppression: 'memsafe-ignore " + String.join(",", i.rules()) + "' matches no finding on this line or the next"));
            }
        }));
        for (Entry e : entries) {
            if (!usedEntries.contains(e)) {
                stale.add(new Diagnostic(new SourceLoc(file.toString(), 0, 0), Diagnostic.Level.WARNING,
                        "stale suppression: fingerprint " + e.fingerprint() + (e.rule().isEmpty() ? "" : " (" + e.rule() + ")") + " matches no finding"));
            }
        }
        return new Applied(out, stale);
    }

    private static String reason(String r) {
        return r.isEmpty() ? "(no reason given)" : r;
    }

    /** A comment on the finding's line, or on the comment-only lines right above it. */
    private Inline inlineFor(ReportedFinding f) {
        List<Inline> inFile = inlineByFile.get(f.finding().loc().file());
        if (inFile == null) return null;
        String rule = f.finding().rule().id();
        int line = f.finding().loc().line();
        for (int l = line; l >= 1; l--) {
            if (l < line && !commentOnly(source.line(f.finding().loc().file(), l))) break;
            for (Inline i : inFile) if (i.line() == l && i.covers(rule)) return i;
        }
        return null;
    }

    private static boolean commentOnly(String line) {
        if (line == null) return false;
        String t = line.trim();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
    }

    private Entry entryFor(ReportedFinding f) {
        for (Entry e : entries) {
            if (e.fingerprint().equals(f.fingerprint()) && (e.rule().isEmpty() || e.rule().equals(f.finding().rule().id()))) return e;
        }
        return null;
    }
}
