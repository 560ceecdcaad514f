package io.memsafe.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counts every format ends with: what was found, what a reviewer suppressed, what the baseline says. */
public record Summary(int findings, int suppressed, int newResults, int unchanged, int absent, int staleSuppressions,
                      int files, int functions, boolean hasBaseline) {
    public static Summary of(ScanReport r) {
        int n = 0, u = 0;
        for (ReportedFinding f : r.results()) {
            if (f.baseline() == ReportedFinding.BaselineState.NEW) n++;
            if (f.baseline() == ReportedFinding.BaselineState.UNCHANGED) u++;
        }
        boolean baseline = !r.absent().isEmpty() || r.results().stream().anyMatch(f -> f.baseline() != ReportedFinding.BaselineState.NONE);
        return new Summary(r.results().size(), (int) r.suppressedCount(), n, u, r.absent().size(), r.staleSuppressions().size(),
                r.files(), r.functions(), baseline);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("findings", findings);
        m.put("suppressed", suppressed);
        if (hasBaseline) {
            m.put("new", newResults);
            m.put("unchanged", unchanged);
            m.put("absent", absent);
        }
        m.put("staleSuppressions", staleSuppressions);
        return m;
    }

    /** One line: "3 findings (1 suppressed; 1 new, 2 unchanged, 0 absent) in 2 files (14 functions analysed)". */
    public String line() {
        StringBuilder s = new StringBuilder();
        s.append(findings).append(" finding").append(findings == 1 ? "" : "s");
        StringBuilder detail = new StringBuilder();
        if (suppressed > 0) detail.append(suppressed).append(" suppressed");
        if (hasBaseline) {
            if (!detail.isEmpty()) detail.append("; ");
            detail.append(newResults).append(" new, ").append(unchanged).append(" unchanged, ").append(absent).append(" absent");
        }
        if (staleSuppressions > 0) {
            if (!detail.isEmpty()) detail.append("; ");
            detail.append(staleSuppressions).append(" stale suppression").append(staleSuppressions == 1 ? "" : "s");
        }
        if (!detail.isEmpty()) s.append(" (").append(detail).append(')');
        s.append(" in ").append(files).append(" file").append(files == 1 ? "" : "s")
                .append(" (").append(functions).append(" functions analysed)");
        return s.toString();
    }
}
