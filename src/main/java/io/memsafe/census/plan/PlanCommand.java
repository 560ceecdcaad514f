package io.memsafe.census.plan;

import io.memsafe.census.Output;
import io.memsafe.census.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code memsafe plan}: which components to port first, and why. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Rank components (directories, or CMake targets when a compile_commands.json says) for porting to a "
                + "memory-safe language by memory-unsafe size, density of memory-safety findings (SARIF), exposure to "
                + "untrusted input and churn."})
public final class PlanCommand implements Callable<Integer> {

    public enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Source tree (default: .)")
    Path path;

    @Option(names = "--findings", arity = "1..*", paramLabel = "SARIF", description = "SARIF files with memory-safety findings (memsafe scan, cppcheck, CodeQL ...)")
    List<Path> findings = new ArrayList<>();

    @Option(names = "--depth", defaultValue = "1", description = "Directory depth of a component (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--churn-months", defaultValue = "12", description = "Window for churn, in months (default: ${DEFAULT-VALUE})")
    int churnMonths;

    @Option(names = "--top", defaultValue = "0", description = "Show only the first N components (default: all)")
    int top;

    @Option(names = "--by", paramLabel = "GRAIN", description = "Component grain: target (CMake targets from compile_commands.json), "
            + "dir (directories at --depth) or file (files sharing a stem, e.g. http.c + http.h). Default: target if there is a "
            + "compile database, else dir. A component with more than half of the memory-unsafe code is split one grain finer.")
    PlanEngine.Grain by;

    @Option(names = "--at", paramLabel = "REV", description = "Rank the components as they were at this commit (read from git; "
            + "churn is counted in the --churn-months before it)")
    String at;

    @Option(names = "--weights", paramLabel = "SPEC", description = "Factor weights, e.g. size=0.35,findings=0.25,exposure=0.25,churn=0.15 "
            + "(factors not named keep their default)")
    String weights;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            io.memsafe.census.GitTuning.install();
            if (!Files.isDirectory(path)) {
                throw new UsageException(path + ": no such directory");
            }
            if (depth < 1 || churnMonths < 1) {
                throw new UsageException("--depth and --churn-months must be at least 1");
            }
            PlanEngine.Weights w = weights == null ? PlanEngine.Weights.DEFAULT : PlanEngine.Weights.parse(weights);
            PlanEngine.Result r = PlanEngine.plan(new PlanEngine.Request(path, findings, depth, churnMonths,
                    System.currentTimeMillis() / 1000, by, at, w));
            List<Component> shown = top > 0 && top < r.components().size() ? r.components().subList(0, top) : r.components();
            String text = switch (format) {
                case json -> json(shown, r, w);
                case csv -> csv(shown);
                case text -> text(shown);
            };
            Output.write(text, output, spec.commandLine().getOut());
            for (String n : r.notes()) {
                err.println("memsafe plan: note: " + n);
            }
            return 0;
        } catch (UsageException e) {
            err.println("memsafe plan: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("memsafe plan: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
    }

    static String json(List<Component> shown, PlanEngine.Result r, PlanEngine.Weights w) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("total_unsafe_code", r.totalUnsafeCode());
        root.put("weights", new java.util.TreeMap<>(Map.of("size", w.size(), "findings", w.findings(),
                "exposure", w.exposure(), "churn", w.churn())));
        root.put("components", shown);
        return Output.JSON.writeValueAsString(root) + "\n";
    }

    static String csv(List<Component> shown) {
        StringBuilder sb = new StringBuilder("rank,component,kind,score,unsafe_code,files,findings,findings_per_kloc,exposure,input_functions,churn,why\n");
        for (Component c : shown) {
            sb.append(c.rank()).append(',').append(Output.csv(c.name())).append(',').append(c.kind()).append(',').append(c.score())
                    .append(',').append(c.unsafeCode()).append(',').append(c.files()).append(',').append(c.findings()).append(',')
                    .append(c.findingsPerKloc()).append(',').append(c.exposure().values().stream().mapToInt(Integer::intValue).sum())
                    .append(',').append(c.inputFunctions().size()).append(',').append(c.churn()).append(',').append(Output.csv(String.join("; ", c.why()))).append('\n');
        }
        return sb.toString();
    }

    public static String text(List<Component> shown) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s  %-30s %6s %9s %8s %8s %6s %6s  %s%n",
                "Rank", "Component", "Score", "Unsafe", "Findings", "Input", "InFns", "Churn", "Why"));
        for (Component c : shown) {
            sb.append(String.format(Locale.ROOT, "%4d  %-30s %6.3f %9d %8d %8d %6d %6d  %s%n", c.rank(), c.name(), c.score(), c.unsafeCode(),
                    c.findings(), c.exposure().values().stream().mapToInt(Integer::intValue).sum(), c.inputFunctions().size(), c.churn(),
                    String.join("; ", c.why())));
        }
        if (shown.isEmpty()) {
            sb.append("no memory-unsafe code found: nothing to port\n");
        }
        return sb.toString();
    }
}
