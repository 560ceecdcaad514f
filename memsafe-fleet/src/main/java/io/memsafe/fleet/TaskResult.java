package io.memsafe.fleet;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a task sends back to the driver: rows only. The driver writes every table and file.
 *
 * @param error why the task failed (the rest of the fleet goes on), or null
 * @param censusJson {@code memsafe census --format json} of the tip, for the repository's own page
 * @param historyJson {@code memsafe history --format json}, likewise
 */
public record TaskResult(FleetTask task, String error, String tip, List<LanguageRow> census, List<Period> history,
                         List<BinaryRow> binaries, List<FindingRow> findings, String censusJson, String historyJson,
                         long commitsProcessed, long millis) implements Serializable {

    public static TaskResult failed(FleetTask task, String error, long millis) {
        return new TaskResult(task, error, null, List.of(), List.of(), List.of(), List.of(), null, null, 0, millis);
    }

    public boolean ok() {
        return error == null;
    }

    /** One language of a census. */
    public record LanguageRow(String language, long files, long code, long comment, long blank) implements Serializable {
    }

    /**
     * One period of a history, as {@code memsafe history --format json} gives it: {@code added}/{@code deleted} code
     * lines, {@code addedLines}/{@code deletedLines} physical lines (as {@code git log --numstat} counts them).
     */
    public record Period(String start, String end, String commit, int commits, Map<String, Long> languages,
                         Map<String, Long> added, Map<String, Long> deleted, Map<String, Long> addedLines,
                         Map<String, Long> deletedLines, long rustUnsafeLines) implements Serializable {
    }

    /**
     * One binary's {@code harden} verdicts.
     *
     * @param values each check's value as {@code harden --format json} shows it (true, false, a level), absent if not applicable
     * @param satisfied per applicable check, whether the mitigation is in place
     */
    public record BinaryRow(String path, String format, String kind, String error, Map<String, String> values,
                            Map<String, Boolean> satisfied) implements Serializable {
    }

    /** One {@code scan} finding. */
    public record FindingRow(String rule, String name, int cwe, String file, int line, String message) implements Serializable {
    }
}
