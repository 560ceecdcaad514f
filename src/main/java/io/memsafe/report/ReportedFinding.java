package io.memsafe.report;

import io.memsafe.analysis.engine.Finding;

/**
 * A finding as the user sees it: its level (after the configuration), the function it sits in, a
 * fingerprint that survives moves and checkouts, how it compares with the baseline, and whether a
 * reviewer suppressed it.
 */
public record ReportedFinding(Finding finding, String level, String function, String fingerprint,
                              BaselineState baseline, Suppression suppression) {
    public enum BaselineState {
        /** No baseline given. */
        NONE,
        NEW,
        UNCHANGED;

        /** The SARIF {@code baselineState} value, or null without a baseline. */
        public String sarif() {
            return this == NONE ? null : name().toLowerCase();
        }
    }

    /** A reviewed result: {@code inSource} (a comment in the code) or {@code external} (the suppressions file). */
    public record Suppression(String kind, String justification, String origin) { }

    public boolean suppressed() {
        return suppression != null;
    }

    public ReportedFinding withBaseline(BaselineState state) {
        return new ReportedFinding(finding, level, function, fingerprint, state, suppression);
    }

    public ReportedFinding withSuppression(Suppression s) {
        return new ReportedFinding(finding, level, function, fingerprint, baseline, s);
    }
}
