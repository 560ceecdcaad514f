package io.memsafe.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.memsafe.ir.Diagnostic;

import java.util.List;
import java.util.Map;

/**
 * Everything one scan produced, ready to be written in any format: the findings, the baseline's results
 * that are gone ({@code absent}, as the baseline SARIF held them), diagnostics, and the source root
 * locations are relative to.
 */
public record ScanReport(List<ReportedFinding> results, List<JsonNode> absent, List<Diagnostic> diagnostics,
                         List<Diagnostic> staleSuppressions,
                         int files, int functions, long millis, SourceRoot root, Map<String, String> ruleLevels) {
    /** The level a rule reports at after the configuration ("none": turned off), or its own default. */
    public String levelOf(String ruleId, String defaultLevel) {
        return ruleLevels.getOrDefault(ruleId, defaultLevel);
    }

    /** The scan's diagnostics followed by the stale suppressions. */
    public List<Diagnostic> allDiagnostics() {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(staleSuppressions);
        return all;
    }

    public long suppressedCount() {
        return results.stream().filter(ReportedFinding::suppressed).count();
    }

    public List<ReportedFinding> active() {
        return results.stream().filter(r -> !r.suppressed()).toList();
    }
}
