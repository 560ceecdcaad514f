package io.memsafe.fleet;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.memsafe.census.Output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per mitigation, the share of the binaries it applies to that have it: the fleet's hardening coverage. A check
 * that does not apply to a binary (stack canaries in a binary without functions that need them, say) neither
 * counts for nor against it.
 */
@JsonPropertyOrder({"binaries", "errors", "checks"})
public record HardeningCoverage(long binaries, long errors, Map<String, Check> checks) {

    @JsonPropertyOrder({"applicable", "present", "share"})
    public record Check(long applicable, long present, Double share) {
    }

    public static HardeningCoverage of(List<TaskResult> trees) {
        long binaries = 0;
        long errors = 0;
        Map<String, long[]> counts = new TreeMap<>();
        for (TaskResult r : trees) {
            for (TaskResult.BinaryRow b : r.binaries()) {
                if (b.error() != null) {
                    errors++;
                    continue;
                }
                binaries++;
                b.satisfied().forEach((check, ok) -> {
                    long[] c = counts.computeIfAbsent(check, k -> new long[2]);
                    c[0]++;
                    if (Boolean.TRUE.equals(ok)) {
                        c[1]++;
                    }
                });
            }
        }
        Map<String, Check> checks = new TreeMap<>();
        counts.forEach((check, c) -> checks.put(check, new Check(c[0], c[1], Output.round(c[0] == 0 ? null : (double) c[1] / c[0]))));
        return new HardeningCoverage(binaries, errors, checks);
    }
}
