package io.memsafe.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.memsafe.census.Output;
import io.memsafe.census.history.HistoryEngine;
import io.memsafe.census.history.PeriodKind;
import io.memsafe.census.model.Census;
import io.memsafe.census.model.LanguageCount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's history: per period, the code lines of every repository summed per language, and the shares computed
 * from those sums (never an average of the repositories' shares, which would weigh a 100-line repository like a
 * million-line one).
 *
 * <p>A repository with no commit left in the fleet's later periods still has its code: its last census is carried
 * into them, with nothing added, which is what {@code memsafe history --until} gives for it. Before its first commit
 * it has nothing. So the roll-up equals the sum of {@code memsafe history --until LAST} run on each repository.
 */
public final class Rollup {

    private Rollup() {
    }

    /**
     * One period of the fleet; the shape of {@code memsafe history}'s periods, summed: code lines ({@code added},
     * {@code deleted}) and physical lines ({@code added_lines}, {@code deleted_lines}) per language.
     */
    @JsonPropertyOrder({"start", "end", "repositories", "commits", "languages", "added", "deleted", "added_lines", "deleted_lines",
            "memory_unsafe_share", "new_unsafe_share", "rust_unsafe_lines"})
    public record FleetPeriod(String start, String end, int repositories, long commits, Map<String, Long> languages,
                              Map<String, Long> added, Map<String, Long> deleted,
                              @JsonProperty("added_lines") Map<String, Long> addedLines,
                              @JsonProperty("deleted_lines") Map<String, Long> deletedLines,
                              @JsonProperty("memory_unsafe_share") Double memoryUnsafeShare,
                              @JsonProperty("new_unsafe_share") Double newUnsafeShare,
                              @JsonProperty("rust_unsafe_lines") long rustUnsafeLines) {
    }

    /**
     * How much one repository moves the fleet's figures: the fleet's share minus the share without it, for the code
     * base at the last period and for the code added over the whole range.
     */
    @JsonPropertyOrder({"repository", "memory_unsafe_share_effect", "new_unsafe_share_effect", "code", "added"})
    public record Mover(String repository, @JsonProperty("memory_unsafe_share_effect") Double memoryUnsafeShareEffect,
                        @JsonProperty("new_unsafe_share_effect") Double newUnsafeShareEffect, long code, long added) {
    }

    @JsonPropertyOrder({"repositories", "periods", "movers"})
    public record Result(List<String> repositories, List<FleetPeriod> periods, List<Mover> movers) {
    }

    /** Repositories that move the numbers most, at most this many. */
    static final int MOVERS = 10;

    /** The roll-up of {@code histories} (repository name to its periods, oldest first). */
    public static Result of(Map<String, List<TaskResult.Period>> histories, PeriodKind kind) {
        TreeMap<String, List<TaskResult.Period>> byName = new TreeMap<>(histories);
        LocalDate first = null;
        LocalDate last = null;
        for (List<TaskResult.Period> ps : byName.values()) {
            for (TaskResult.Period p : ps) {
                LocalDate s = LocalDate.parse(p.start());
                first = first == null || s.isBefore(first) ? s : first;
                last = last == null || s.isAfter(last) ? s : last;
            }
        }
        List<FleetPeriod> periods = new ArrayList<>();
        Map<String, Map<String, Long>> lastCode = new TreeMap<>();
        Map<String, Map<String, Long>> totalAdded = new TreeMap<>();
        for (LocalDate start = first; start != null && !start.isAfter(last); start = kind.next(start)) {
            Map<String, Long> languages = new TreeMap<>();
            Map<String, Long> added = new TreeMap<>();
            Map<String, Long> deleted = new TreeMap<>();
            Map<String, Long> addedLines = new TreeMap<>();
            Map<String, Long> deletedLines = new TreeMap<>();
            int repositories = 0;
            long commits = 0;
            long rustUnsafe = 0;
            for (Map.Entry<String, List<TaskResult.Period>> repo : byName.entrySet()) {
                TaskResult.Period p = at(repo.getValue(), start);
                if (p == null) {
                    continue;
                }
                repositories++;
                p.languages().forEach((l, n) -> languages.merge(l, n, Long::sum));
                rustUnsafe += p.rustUnsafeLines();
                if (p.start().equals(start.toString())) { // not carried forward: its own period
                    commits += p.commits();
                    p.added().forEach((l, n) -> added.merge(l, n, Long::sum));
                    p.deleted().forEach((l, n) -> deleted.merge(l, n, Long::sum));
                    p.addedLines().forEach((l, n) -> addedLines.merge(l, n, Long::sum));
                    p.deletedLines().forEach((l, n) -> deletedLines.merge(l, n, Long::sum));
                    p.added().forEach((l, n) -> totalAdded.computeIfAbsent(repo.getKey(), k -> new TreeMap<>()).merge(l, n, Long::sum));
                }
                lastCode.put(repo.getKey(), p.languages());
            }
            periods.add(new FleetPeriod(start.toString(), kind.next(start).toString(), repositories, commits, languages, added,
                    deleted, addedLines, deletedLines, codeShare(languages), Output.round(HistoryEngine.newUnsafeShare(added)), rustUnsafe));
        }
        return new Result(List.copyOf(byName.keySet()), periods, movers(lastCode, totalAdded));
    }

    /** The repository's period starting at {@code start}, its last one if it ended before, null before its first. */
    private static TaskResult.Period at(List<TaskResult.Period> periods, LocalDate start) {
        TaskResult.Period before = null;
        for (TaskResult.Period p : periods) {
            LocalDate s = LocalDate.parse(p.start());
            if (s.equals(start)) {
                return p;
            }
            if (s.isBefore(start) && (before == null || s.isAfter(LocalDate.parse(before.start())))) {
                before = p;
            }
        }
        return before;
    }

    private static List<Mover> movers(Map<String, Map<String, Long>> lastCode, Map<String, Map<String, Long>> totalAdded) {
        Map<String, Long> allCode = sum(lastCode.values());
        Map<String, Long> allAdded = sum(totalAdded.values());
        Double codeShare = rawCodeShare(allCode);
        Double newShare = HistoryEngine.newUnsafeShare(allAdded);
        List<Mover> movers = new ArrayList<>();
        for (String repo : lastCode.keySet()) {
            Map<String, Long> code = lastCode.get(repo);
            Map<String, Long> added = totalAdded.getOrDefault(repo, Map.of());
            movers.add(new Mover(repo, effect(codeShare, rawCodeShare(minus(allCode, code))),
                    effect(newShare, HistoryEngine.newUnsafeShare(minus(allAdded, added))),
                    code.values().stream().mapToLong(Long::longValue).sum(), added.values().stream().mapToLong(Long::longValue).sum()));
        }
        movers.sort(Comparator.comparingDouble((Mover m) -> -Math.max(abs(m.newUnsafeShareEffect()), abs(m.memoryUnsafeShareEffect())))
                .thenComparing(Mover::repository));
        return List.copyOf(movers.subList(0, Math.min(MOVERS, movers.size())));
    }

    private static double abs(Double d) {
        return d == null ? 0 : Math.abs(d);
    }

    private static Double effect(Double with, Double without) {
        return with == null || without == null ? with : Output.round(with - without);
    }

    static Double codeShare(Map<String, Long> code) {
        return Output.round(rawCodeShare(code));
    }

    private static Double rawCodeShare(Map<String, Long> code) {
        Map<String, LanguageCount> counts = new LinkedHashMap<>();
        code.forEach((l, n) -> counts.put(l, new LanguageCount(0, n, 0, 0)));
        return Census.unsafeShare(counts);
    }

    private static Map<String, Long> sum(Iterable<Map<String, Long>> maps) {
        Map<String, Long> total = new TreeMap<>();
        for (Map<String, Long> m : maps) {
            m.forEach((l, n) -> total.merge(l, n, Long::sum));
        }
        return total;
    }

    private static Map<String, Long> minus(Map<String, Long> all, Map<String, Long> part) {
        Map<String, Long> rest = new TreeMap<>(all);
        part.forEach((l, n) -> rest.merge(l, -n, Long::sum));
        return rest;
    }
}
