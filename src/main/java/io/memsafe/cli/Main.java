package io.memsafe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one memsafe command line; each job is a subcommand. */
@Command(name = "memsafe", mixinStandardHelpOptions = true, version = "memsafe 0.1.0",
        description = "Find memory-safety bugs in C/C++, audit binaries for mitigations, measure the move to memory-safe code.",
        subcommands = {
                ScanCommand.class,
                io.memsafe.harden.HardenCommand.class,
                io.memsafe.census.CensusCommand.class,
                io.memsafe.census.history.HistoryCommand.class,
                io.memsafe.census.plan.PlanCommand.class,
                io.memsafe.census.report.ReportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("memsafe: internal error: " + ex);
            return 2;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("memsafe: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
