package io.memsafe.cli;

import io.memsafe.analysis.engine.Checker;
import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.ProgramAnalyzer;
import io.memsafe.checkers.Checkers;
import io.memsafe.frontend.CompileDatabase;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.Frontend;
import io.memsafe.ir.Diagnostic;
import io.memsafe.ir.Program;
import io.memsafe.ir.SourceLoc;
import io.memsafe.report.HtmlReport;
import io.memsafe.report.JsonReport;
import io.memsafe.report.ReportedFinding;
import io.memsafe.report.SarifReport;
import io.memsafe.report.ScanReport;
import io.memsafe.report.SourceRoot;
import io.memsafe.report.SourceText;
import io.memsafe.report.TextReport;
import io.memsafe.scan.Fingerprints;
import io.memsafe.scan.FunctionSpans;
import io.memsafe.scan.ScanProgress;
import io.memsafe.scan.baseline.Baseline;
import io.memsafe.scan.cache.ResultCache;
import io.memsafe.scan.cache.IrDigests;
import io.memsafe.scan.cache.UnitCache;
import io.memsafe.scan.config.ScanConfig;
import io.memsafe.ir.DataModel;
import io.memsafe.scan.diff.ChangeScope;
import io.memsafe.scan.diff.ChangedLines;
import io.memsafe.scan.suppress.Suppressions;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Find memory-safety bugs in C/C++ sources (buffer overflows, NULL dereferences). "
                + "Exit status: 0 nothing to fail on, 1 findings (see --fail-on), 2 usage or internal error.")
public final class ScanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILES|DIRS", description = "Source files, or directories to search for C/C++ sources.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "-I", paramLabel = "DIR", description = "Add an include directory (also -IDIR).")
    List<Path> includes = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "Define a macro (also -DNAME=VALUE).")
    List<String> defines = new ArrayList<>();

    @Option(names = "--compile-commands", paramLabel = "FILE", description = "compile_commands.json: analyse every entry with its own flags, as one program.")
    Path compileCommands;

    @Option(names = "--format", defaultValue = "text", description = "text, sarif, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of standard output (html: a directory).")
    Path output;

    @Option(names = "--jobs", description = "Parallel analyses (default: all cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--system-headers", description = "Parse with the machine's system headers instead of the bundled C library prelude.")
    boolean systemHeaders;

    @Option(names = "--budget-ms", description = "Wall-clock safety net per root function in milliseconds (default: 60000); the step budget is what normally applies.")
    Long budgetMillis;

    @Option(names = "--budget-steps", description = "Abstract steps per root function (default: 300000).")
    Long budgetSteps;

    @Option(names = "--source-root", paramLabel = "DIR", description = "Locations are relative to this directory (default: the git top of the inputs, else their common directory).")
    Path sourceRoot;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: .memsafe.yml in the source root, if there).")
    Path configFile;

    @Option(names = "--no-config", description = "Ignore .memsafe.yml.")
    boolean noConfig;

    @Option(names = "--baseline", paramLabel = "SARIF", description = "An earlier scan's SARIF: mark results new, unchanged or absent.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "WHAT", description = "Exit 1 on: any unsuppressed finding (default), only new ones (with --baseline), or none.")
    String failOn;

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Suppressions file (YAML): findings silenced by fingerprint, with a reason.")
    Path suppressionsFile;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep analysis results here for the next scan (default: .memsafe/cache in the "
            + "working directory). A root function is analysed again only when something it can reach changed; the report is the same.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the result cache.")
    boolean noCache;

    @Option(names = "--changed-since", paramLabel = "REV", description = "Analyse what changed since this git revision and what calls into it; report findings in changed functions only.")
    String changedSince;

    /**
     * The settings file as read (flags override it). Its entry globs ({@link ScanConfig#entryGlobs()}) reach the
     * engine as {@code --entry} does when no {@code --entry} is given; {@link ScanConfig#untrustedSources()} is
     * parsed for the engine to take up and not used yet.
     */
    ScanConfig config = ScanConfig.none();

    @Option(names = "--data-model", paramLabel = "MODEL", description = "LP64, LLP64 or ILP32: the widths of long, pointers, size_t and "
            + "wchar_t for every file (default: each compile entry's target flags: --target, -m32, cl.exe, -D_WIN32; else LP64, or LLP64 "
            + "for files that include the Windows kernel headers).")
    String dataModel;

    @Option(names = "--entry", paramLabel = "GLOB", description = "A function an attacker calls (name glob, repeatable): its integer "
            + "parameters and the bytes its pointer-to-bytes parameters designate are untrusted. Exported functions taking a buffer and its "
            + "length, and callbacks that do, are entry points without it.")
    List<String> entries = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "sarif", "json", "html").contains(format)) {
            System.err.println("memsafe scan: unknown format '" + format + "' (text, sarif, json or html)");
            return 2;
        }
        if ("html".equals(format) && output == null) {
            System.err.println("memsafe scan: --format html writes a directory: give it with -o DIR");
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
        SourceRoot root = sourceRoot != null ? new SourceRoot(sourceRoot)
                : SourceRoot.detect(inputs.isEmpty() ? units.stream().map(CompileUnit::file).toList() : inputs);
        List<Diagnostic> notes = new ArrayList<>();
        Path cfgPath = configFile != null ? configFile : noConfig ? null : root.dir().resolve(ScanConfig.FILE_NAME);
        if (cfgPath != null && (configFile != null || Files.isRegularFile(cfgPath))) {
            try {
                config = ScanConfig.read(cfgPath);
            } catch (IOException e) {
                System.err.println("memsafe scan: " + e.getMessage());
                return 2;
            }
            for (String w : config.warnings()) notes.add(new Diagnostic(new SourceLoc(cfgPath.toString(), 0, 0), Diagnostic.Level.WARNING, w));
            if (dataModel == null && config.dataModel() != null && DataModel.parse(config.dataModel()) == null) {
                notes.add(new Diagnostic(new SourceLoc(cfgPath.toString(), 0, 0), Diagnostic.Level.WARNING,
                        "data-model " + config.dataModel() + " is not LP64, LLP64 or ILP32: each file's own model used"));
            }
        }
        // --data-model, else the settings file's, overrides the model each compile entry's flags chose
        DataModel model = DataModel.parse(dataModel != null ? dataModel : config.dataModel());
        if (dataModel != null && model == null) {
            System.err.println("memsafe scan: unknown data model '" + dataModel + "' (LP64, LLP64 or ILP32)");
            return 2;
        }
        if (model != null) units.replaceAll(u -> u.withDataModel(model));
        String fail = failOn != null ? failOn : config.failOn() != null ? config.failOn() : "any";
        if (!List.of("new", "any", "none").contains(fail)) {
            System.err.println("memsafe scan: --fail-on takes new, any or none");
            return 2;
        }
        Path baselinePath = baseline != null ? baseline : config.baseline();
        Baseline base = null;
        if (baselinePath != null) {
            try {
                base = Baseline.read(baselinePath);
            } catch (IOException e) {
                System.err.println("memsafe scan: cannot read baseline " + baselinePath + ": " + e.getMessage());
                return 2;
            }
        }
        Path suppressPath = suppressionsFile != null ? suppressionsFile : config.suppressions();
        ChangedLines changes = null;
        if (changedSince != null) {
            try {
                changes = ChangedLines.since(root.dir(), changedSince);
            } catch (IOException e) {
                System.err.println("memsafe scan: --changed-since " + changedSince + ": " + e.getMessage());
                return 2;
            }
        }
        units.removeIf(u -> config.excluded(root.relative(u.file().toString())));
        if (units.isEmpty()) {
            System.err.println("memsafe scan: every input is excluded by " + cfgPath);
            return 2;
        }

        long t0 = System.nanoTime();
        ScanProgress progress = ScanProgress.create(units.size());
        progress.phase("parsing " + units.size() + " file" + (units.size() == 1 ? "" : "s"));
        Frontend frontend = new Frontend(systemHeaders);
        Path cachePath = cacheDir != null ? cacheDir : Path.of(".memsafe", "cache");
        IrDigests digests = new IrDigests();
        UnitCache unitCache = noCache ? null : UnitCache.open(cachePath, systemHeaders, digests);
        Frontend.Result fe = frontend.load(units, jobs, unitCache);
        long tParsed = System.nanoTime();
        List<Checker> checkers = Checkers.all();
        Program program = fe.program();
        FunctionSpans spans = new FunctionSpans(program);
        ChangeScope scope = null;
        if (changes != null) {
            scope = new ChangeScope(program, spans, changes);
            program = scope.program();
            notes.add(new Diagnostic(SourceLoc.NONE, Diagnostic.Level.NOTE, "changes since " + changedSince + ": "
                    + scope.changed().size() + " changed function" + (scope.changed().size() == 1 ? "" : "s") + ", "
                    + program.functions.size() + " analysed with their callers and callees"));
        }
        int total = program.functions.size();
        long steps = budgetSteps != null ? budgetSteps : config.budgetSteps() != null ? config.budgetSteps() : io.memsafe.analysis.engine.Budget.DEFAULT_STEPS;
        long millis = budgetMillis != null ? budgetMillis : config.budgetMillis() != null ? config.budgetMillis() : io.memsafe.analysis.engine.Budget.DEFAULT_MILLIS;
        // entry points: the flags, else the config's entry globs
        List<String> entryGlobs = !entries.isEmpty() ? List.copyOf(entries) : List.copyOf(config.entryGlobs());
        ProgramAnalyzer analyzer = new ProgramAnalyzer(program, checkers, new ProgramAnalyzer.Options(steps, millis, jobs, entryGlobs));
        ResultCache cache = noCache ? null : ResultCache.open(cachePath,
                "steps " + steps + "\nmillis " + millis + "\nentry " + entryGlobs + "\nuntrusted " + config.untrustedSources()
                        + "\ndata-model " + model + "\nsystem-headers " + systemHeaders,
                digests, program.globalInits, program.functions, checkers);
        if (cache != null) analyzer.cache(cache);
        progress.phase("analysing " + total + " functions");
        ProgramAnalyzer.Result res;
        try (ScanProgress.Counter counter = progress.counter("analysing", total)) {
            res = analyzer.run(counter::reached);
        } finally {
            if (cache != null) {
                cache.close();
                cacheUse = new CacheUse(cache.hits(), cache.misses());
            }
            if (unitCache != null) {
                unitCache.close();
                unitUse = new UnitUse(unitCache.reused(), unitCache.parsed());
            }
        }
        if (System.getenv("MEMSAFE_TIMING") != null) {
            System.err.printf("memsafe: front end %.1f s, analysis %.1f s%s%s%n", (tParsed - t0) / 1e9, (System.nanoTime() - tParsed) / 1e9,
                    unitCache == null ? "" : ", units from the cache " + unitCache.reused() + ", parsed " + unitCache.parsed(),
                    cache == null ? "" : ", roots from the cache " + cache.hits() + ", analysed " + cache.misses());
        }
        List<Diagnostic> diags = new ArrayList<>(fe.diagnostics());
        diags.addAll(res.diagnostics());
        diags.addAll(notes);

        SourceText source = new SourceText();
        Fingerprints fingerprints = new Fingerprints(root, source);
        Map<String, String> levels = new LinkedHashMap<>();
        for (Checker c : checkers) levels.put(c.rule().id(), config.level(c.rule().id(), c.rule().level()));
        List<ReportedFinding> results = new ArrayList<>();
        for (Finding f : res.findings()) {
            if (!config.enabled(f.rule().id()) || config.excluded(root.relative(f.loc().file()))) continue;
            FunctionSpans.Span span = spans.at(f.loc());
            String function = span == null ? null : span.function();
            // fingerprints before the diff filter: occurrence numbers must not depend on what is reported
            String fp = fingerprints.of(f, function);
            if (scope != null && !scope.reports(f)) continue;
            results.add(new ReportedFinding(f, levels.get(f.rule().id()), function, fp, ReportedFinding.BaselineState.NONE, null));
        }
        Set<String> files = new LinkedHashSet<>();
        for (CompileUnit u : units) files.add(u.file().toString());
        for (ReportedFinding r : results) files.add(r.finding().loc().file());
        Suppressions suppressions;
        try {
            suppressions = Suppressions.load(source, files, suppressPath);
        } catch (IOException e) {
            System.err.println("memsafe scan: cannot read suppressions " + suppressPath + ": " + e.getMessage());
            return 2;
        }
        Suppressions.Applied applied = suppressions.apply(results);
        results = applied.results();
        // a diff-aware scan sees only part of the findings: a suppression it does not match may still be in use
        List<Diagnostic> stale = scope == null ? applied.stale() : List.of();
        List<com.fasterxml.jackson.databind.JsonNode> absent = List.of();
        if (base != null) {
            absent = scope == null ? base.absent(results) : List.of();
            results = base.classify(results);
        }
        ScanReport report = new ScanReport(results, absent, diags, stale, units.size(), total,
                (System.nanoTime() - t0) / 1_000_000, root, levels);
        if ("html".equals(format)) {
            HtmlReport.write(report, source, output);
        } else {
            try (Writer w = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
                @Override public void close() throws IOException { flush(); }
            } : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                switch (format) {
                    case "sarif" -> SarifReport.write(report, checkers, "0.1.0", w);
                    case "json" -> JsonReport.write(report, w);
                    default -> TextReport.write(report, new PrintWriter(w));
                }
            }
        }
        return exitStatus(report, fail);
    }

    static int exitStatus(ScanReport report, String failOn) {
        return switch (failOn) {
            case "none" -> 0;
            case "new" -> report.active().stream().anyMatch(r -> r.baseline() != ReportedFinding.BaselineState.UNCHANGED) ? 1 : 0;
            default -> report.active().isEmpty() ? 0 : 1;
        };
    }

    /** Roots whose results the cache gave, and roots it did not have (analysed), in the last run. */
    public record CacheUse(int reused, int analysed) { }

    private CacheUse cacheUse = new CacheUse(0, 0);

    public CacheUse cacheUse() {
        return cacheUse;
    }

    /** Units whose lowered code the cache gave, and units parsed, in the last run. */
    public record UnitUse(int reused, int parsed) { }

    private UnitUse unitUse = new UnitUse(0, 0);

    public UnitUse unitUse() {
        return unitUse;
    }

    /** The settings read from {@code .memsafe.yml} (or {@code --config}), after a run. */
    public ScanConfig config() {
        return config;
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".c") || n.endsWith(".cc") || n.endsWith(".cpp") || n.endsWith(".cxx") || n.endsWith(".c++");
    }
}
