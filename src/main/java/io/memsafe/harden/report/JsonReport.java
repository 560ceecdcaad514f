package io.memsafe.harden.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.memsafe.harden.BinaryReport;
import io.memsafe.harden.HardenScanner;
import io.memsafe.harden.checks.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable output: per file, every check by its stable id with its value (true/false, a RELRO
 * level, or null when the check does not apply), plus details, not-applicable reasons and the policy's
 * missing list. No timestamps, so two runs over the same files give identical bytes.
 */
public final class JsonReport {
    private JsonReport() {}

    public static Map<String, Object> toTree(HardenScanner.Scan scan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "memsafe harden");
        root.put("files", scan.reports().stream().map(JsonReport::file).toList());
        root.put("summary", Summary.of(scan).asMap());
        return root;
    }

    static Map<String, Object> file(BinaryReport r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", r.path());
        f.put("format", r.format());
        if (!r.analysed()) {
            f.put("error", r.error());
            f.put("error_kind", r.errorKind().name().toLowerCase());
            return f;
        }
        f.put("kind", r.kind());
        f.put("machine", r.machine());
        f.put("bits", r.bits());
        f.put("endian", r.endian());
        Map<String, Object> checks = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> reasons = new LinkedHashMap<>();
        for (Map.Entry<String, Verdict> e : r.verdicts().entrySet()) {
            checks.put(e.getKey(), e.getValue().value());
            if (!e.getValue().details().isEmpty()) details.put(e.getKey(), e.getValue().details());
            if (e.getValue().reason() != null) reasons.put(e.getKey(), e.getValue().reason());
        }
        f.put("checks", checks);
        f.put("details", details);
        f.put("reasons", reasons);
        f.put("missing", r.missing());
        f.put("warnings", r.warnings());
        return f;
    }

    public static void write(HardenScanner.Scan scan, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, toTree(scan));
    }

    /** Counts shown at the end of every format. */
    public record Summary(int binaries, int passing, int failing, int errors, int skipped) {
        public static Summary of(HardenScanner.Scan scan) {
            List<BinaryReport> rs = scan.reports();
            int errors = (int) rs.stream().filter(r -> !r.analysed()).count();
            int passing = (int) rs.stream().filter(BinaryReport::meetsPolicy).count();
            return new Summary(rs.size() - errors, passing, rs.size() - errors - passing, errors, scan.skipped());
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("binaries", binaries);
            m.put("meeting_policy", passing);
            m.put("missing_mitigations", failing);
            m.put("errors", errors);
            m.put("skipped", skipped);
            return m;
        }
    }
}
