package io.memsafe.fleet;

import io.memsafe.census.GitTuning;
import io.memsafe.census.UsageException;
import io.memsafe.census.history.HistoryCommand;
import io.memsafe.census.history.PeriodKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code memsafe fleet}: census, history, harden and scan over a fleet of repositories and binaries, on Apache Spark. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Run census and history on every repository of FLEET.yml, harden on its binary trees and scan on its "
                + "compile databases, as Spark tasks, and write Parquet tables partitioned by repository and the fleet's "
                + "roll-up (rollup.json: history's JSON, lines summed over the fleet) to OUT.",
                "A repository that fails is reported and the rest completes (exit status 1)."})
public final class FleetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLEET.yml", description = "The fleet file: repositories, binaries, scans")
    Path fleetFile;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default, embedded), local-cluster[N,C,MB], "
            + "spark://HOST:PORT, yarn, k8s://...; under spark-submit its --master")
    String master;

    @Option(names = "--out", defaultValue = "memsafe-fleet", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--since", paramLabel = "DATE", description = "First day of the history (YYYY-MM-DD or YYYY-MM)")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Last day of the history (YYYY-MM-DD or YYYY-MM)")
    String until;

    @Option(names = "--period", defaultValue = "month", description = "month or quarter (default: ${DEFAULT-VALUE})")
    PeriodKind period;

    @Option(names = "--stores", paramLabel = "DIR", description = "Keep the history stores in DIR/NAME.db instead of each "
            + "repository's own .memsafe/history.db")
    Path stores;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. spark.executor.memory=2g")
    Map<String, String> conf = new TreeMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new FleetCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        GitTuning.install();
        FleetFile fleet;
        try {
            HistoryCommand.parseDate(since, false); // what every repository's history will be asked, checked once
            HistoryCommand.parseDate(until, true);
            if (!Files.isRegularFile(fleetFile)) {
                throw new FleetFile.FleetFileException(fleetFile + ": no such file");
            }
            fleet = FleetFile.load(fleetFile);
        } catch (FleetFile.FleetFileException | UsageException e) {
            err.println("memsafe fleet: " + e.getMessage());
            return 2;
        }
        FleetJob.Settings settings = new FleetJob.Settings(master, out.toAbsolutePath(),
                new FleetTask.HistoryRange(since, until, period.name()), stores, conf);
        List<TaskResult> results = FleetJob.run(fleet, settings, err);
        long failed = results.stream().filter(r -> !r.ok()).count();
        err.printf("memsafe fleet: %d of %d tasks done, %d failed; results in %s%n", results.size() - failed, results.size(), failed, out);
        err.flush();
        return failed == 0 ? 0 : 1;
    }
}
