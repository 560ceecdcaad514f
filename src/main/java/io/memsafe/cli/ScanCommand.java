package io.memsafe.cli;

import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.ProgramAnalyzer;
import io.memsafe.checkers.Checkers;
import io.memsafe.frontend.CompileDatabase;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.Frontend;
import io.memsafe.report.JsonReport;
import io.memsafe.report.SarifReport;
import io.memsafe.report.ScanReport;
import io.memsafe.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Find memory-safety bugs in C/C++ sources (buffer overflows, NULL dereferences). "
                + "Exit status: 0 no findings, 1 findings, 2 usage or internal error.")
public final class ScanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILES|DIRS", description = "Source files, or directories to search for C/C++ sources.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "-I", paramLabel = "DIR", description = "Add an include directory (also -IDIR).")
    List<Path> includes = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro (also -DNAME=VALUE).")
    List<String> defines = new ArrayList<>();

    @Option(names = "--compile-commands", paramLabel = "FILE", description = "compile_commands.json: analyse every entry with its own flags, as one program.")
    Path compileCommands;

    @Option(names = "--format", defaultValue = "text", description = "text, sarif or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--jobs", description = "Parallel analyses (default: all cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--system-headers", description = "Parse with the machine's system headers instead of the bundled C library prelude.")
    boolean systemHeaders;

    @Option(names = "--budget-ms", description = "Time budget per root function in milliseconds (default: ${DEFAULT-VALUE}).", defaultValue = "5000")
    long budgetMillis;

    @Option(names = "--budget-steps", description = "Abstract steps per root function (default: ${DEFAULT-VALUE}).", defaultValue = "1000000")
    long budgetSteps;

    @Option(names = "--entry", paramLabel = "GLOB", description = "A function an attacker calls (name glob, repeatable): its integer "
            + "parameters and the bytes its pointer-to-bytes parameters designate are untrusted. Exported functions taking a buffer and its "
            + "length, and callbacks that do, are entry points without it.")
    List<String> entries = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "sarif", "json").contains(format)) {
            System.err.println("memsafe scan: unknown format '" + format + "' (text, sarif or json)");
            return 2;
        }
        List<CompileUnit> units = new ArrayList<>();
        if (compileCommands != null) {
            try {
                units.addAll(CompileDatabase.read(compileCommands));
            } catch (IOException e) {
                System.err.println("memsafe scan: cannot read " + compileCommands + ": " + e.getMessage());
                return 2;
            }
        }
        Map<String, String> defs = new LinkedHashMap<>();
        for (String d : defines) CompileDatabase.define(defs, d);
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile).filter(ScanCommand::isSource).sorted()
                            .forEach(p -> units.add(new CompileUnit(p, includes, defs, CompileUnit.isCplusplusFile(p))));
                }
            } else if (Files.isRegularFile(in)) {
                units.add(new CompileUnit(in, includes, defs, CompileUnit.isCplusplusFile(in)));
            } else {
                System.err.println("memsafe scan: no such file or directory: " + in);
                return 2;
            }
        }
        if (units.isEmpty()) {
            System.err.println("memsafe scan: nothing to scan (give files, directories or --compile-commands)");
            return 2;
        }
        long t0 = System.nanoTime();
        boolean tty = System.console() != null;
        if (tty) System.err.println("memsafe: parsing " + units.size() + " file" + (units.size() == 1 ? "" : "s") + " ...");
        Frontend.Result fe = new Frontend(systemHeaders).load(units, jobs);
        long tParsed = System.nanoTime();
        List<Checker> checkers = Checkers.all();
        int total = fe.program().functions.size();
        ProgramAnalyzer analyzer = new ProgramAnalyzer(fe.program(), checkers, new ProgramAnalyzer.Options(budgetSteps, budgetMillis, jobs, List.copyOf(entries)));
        ProgramAnalyzer.Result res = analyzer.run(tty ? n -> {
            if (n % 50 == 0 || n == total) System.err.print("\rmemsafe: analysed " + n + "/" + total + " functions");
        } : null);
        if (tty) System.err.println();
        if (System.getenv("MEMSAFE_TIMING") != null) {
            System.err.printf("memsafe: front end %.1f s, analysis %.1f s%n", (tParsed - t0) / 1e9, (System.nanoTime() - tParsed) / 1e9);
        }
        List<io.memsafe.ir.Diagnostic> diags = new ArrayList<>(fe.diagnostics());
        diags.addAll(res.diagnostics());
        ScanReport report = new ScanReport(res.findings(), diags, units.size(), total, (System.nanoTime() - t0) / 1_000_000);
        try (Writer w = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
            @Override public void close() throws IOException { flush(); }
        } : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            switch (format) {
                case "sarif" -> SarifReport.write(report, checkers, "0.1.0", w);
                case "json" -> JsonReport.write(report, w);
                default -> TextReport.write(report, new PrintWriter(w));
            }
        }
        return report.findings().isEmpty() ? 0 : 1;
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".c") || n.endsWith(".cc") || n.endsWith(".cpp") || n.endsWith(".cxx") || n.endsWith(".c++");
    }
}
