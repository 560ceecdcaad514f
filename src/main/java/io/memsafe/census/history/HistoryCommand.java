package io.memsafe.census.history;

import io.memsafe.census.Output;
import io.memsafe.census.RepositoryOpener;
import io.memsafe.census.UsageException;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code memsafe history}: the move to memory-safe code over time, per month or quarter. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Walk the first-parent history of a branch (no checkout) and give per period the census at the period's end "
                + "and the code lines added per language, with the memory-unsafe share of the code base and of new code.",
                "Results are kept in an SQLite store, so a second run only processes new commits."})
public final class HistoryCommand implements Callable<Integer> {

    public enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "REPO", description = "Work tree or bare repository (default: .)")
    Path repoPath;

    @Option(names = "--rev", defaultValue = "HEAD", description = "Tip of the main branch (default: ${DEFAULT-VALUE})")
    String rev;

    @Option(names = "--since", paramLabel = "DATE", description = "First day (YYYY-MM-DD or YYYY-MM); its period is the first")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Last day (YYYY-MM-DD or YYYY-MM); its period is the last")
    String until;

    @Option(names = "--period", defaultValue = "month", description = "month or quarter, UTC (default: ${DEFAULT-VALUE})")
    PeriodKind period;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite store (default: REPO/.memsafe/history.db)")
    Path db;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout")
    Path output;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also write a chart of the memory-unsafe share of the code base and of new code: "
            + "SVG if FILE ends in .svg, PNG otherwise")
    Path chart;

    @Option(names = "--exclude-vendored", description = "Leave out vendored/generated code as linguist does")
    boolean excludeVendored;

    @Option(names = "--max-file-size", defaultValue = "100", paramLabel = "MB", description = "Skip blobs larger than this (default: ${DEFAULT-VALUE} MiB)")
    long maxFileSizeMb;

    @Option(names = "--stats", description = "Print what this run had to compute (commits processed, blobs counted) on stderr")
    boolean stats;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        io.memsafe.census.GitTuning.install();
        try {
            LocalDate from = parseDate(since, false);
            LocalDate to = parseDate(until, true);
            if (from != null && to != null && to.isBefore(from)) {
                throw new UsageException("--until is before --since");
            }
            if (!Files.isDirectory(repoPath)) {
                throw new UsageException(repoPath + ": no such directory");
            }
            HistoryEngine.Result result;
            try (Repository repo = RepositoryOpener.open(repoPath);
                 HistoryStore store = HistoryStore.open(db != null ? db : defaultDb(repo))) {
                result = HistoryEngine.run(repo, store,
                        new HistoryEngine.Request(rev, from, to, period, excludeVendored, maxFileSizeMb * 1024 * 1024));
            }
            String text = switch (format) {
                case json -> HistoryFormat.json(result);
                case csv -> HistoryFormat.csv(result);
                case text -> HistoryFormat.text(result);
            };
            Output.write(text, output, spec.commandLine().getOut());
            if (chart != null) {
                Output.writeBytes(ShareChart.render(result.periods(), "Memory-unsafe share", 900, 450, ShareChart.Format.of(chart)), chart);
            }
            if (stats) {
                var s = result.stats();
                err.printf("memsafe history: %d first-parent commits, %d in range, %d processed now, %d blobs counted now, %d snapshots computed now%n",
                        s.firstParentCommits(), s.commitsInRange(), s.commitsProcessed(), s.blobsCounted(), s.snapshotsComputed());
            }
            for (String p : result.problems()) {
                err.println("memsafe history: " + p);
            }
            return result.problems().isEmpty() ? 0 : 2;
        } catch (UsageException e) {
            err.println("memsafe history: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("memsafe history: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
    }

    static Path defaultDb(Repository repo) {
        Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
        return base.resolve(".memsafe").resolve("history.db");
    }

    public static LocalDate parseDate(String s, boolean endOfMonth) {
        if (s == null) {
            return null;
        }
        try {
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(s);
                return endOfMonth ? ym.atEndOfMonth() : ym.atDay(1);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageException("bad date '" + s + "': use YYYY-MM-DD or YYYY-MM");
        }
    }
}
