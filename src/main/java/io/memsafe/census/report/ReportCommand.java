package io.memsafe.census.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.memsafe.census.BlobCache;
import io.memsafe.census.CensusCommand;
import io.memsafe.census.CensusEngine;
import io.memsafe.census.CensusFormat;
import io.memsafe.census.GitTuning;
import io.memsafe.census.Output;
import io.memsafe.census.RepositoryOpener;
import io.memsafe.census.UsageException;
import io.memsafe.census.history.HistoryEngine;
import io.memsafe.census.history.HistoryStore;
import io.memsafe.census.history.LanguageAreaChart;
import io.memsafe.census.history.PeriodKind;
import io.memsafe.census.history.PeriodResult;
import io.memsafe.census.history.ShareChart;
import io.memsafe.census.lang.LanguageTable;
import io.memsafe.census.lang.Safety;
import io.memsafe.census.model.Census;
import io.memsafe.census.model.LanguageCount;
import io.memsafe.census.plan.Component;
import io.memsafe.census.plan.PlanEngine;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code memsafe report}: one self-contained HTML page with the census, the history chart and the porting plan. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML page: census table, history chart (inline SVG) and porting plan.",
                "Given the output directory of 'memsafe fleet', draw the fleet instead: the fleet's trend chart, a table per "
                        + "repository and per tag, the hardening coverage of the binaries, and a page per repository."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Work tree, bare repository, directory or fleet output directory (default: .)")
    Path path;

    @Option(names = {"-o", "--output"}, defaultValue = "memsafe-report.html", paramLabel = "FILE", description = "HTML file (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--db", paramLabel = "FILE", description = "History store (default: PATH/.memsafe/history.db)")
    Path db;

    @Option(names = "--period", defaultValue = "quarter", description = "month or quarter (default: ${DEFAULT-VALUE})")
    PeriodKind period;

    @Option(names = "--since", paramLabel = "DATE", description = "Start the history at this date (YYYY-MM-DD)")
    String since;

    @Option(names = "--findings", arity = "1..*", paramLabel = "SARIF", description = "SARIF files for the plan")
    List<Path> findings = new ArrayList<>();

    @Option(names = "--no-history", description = "Leave out the history (faster)")
    boolean noHistory;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            GitTuning.install();
            if (!Files.isDirectory(path)) {
                throw new UsageException(path + ": no such directory");
            }
            if (FleetReport.isFleetOutput(path)) {
                List<Path> pages = FleetReport.write(path, output);
                err.println("memsafe report: wrote " + output + " and " + (pages.size() - 1) + " repository pages");
                return 0;
            }
            Map<String, Object> model = build();
            Output.write(render(model), output, spec.commandLine().getOut());
            err.println("memsafe report: wrote " + output);
            return 0;
        } catch (UsageException e) {
            err.println("memsafe report: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("memsafe report: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
    }

    private Map<String, Object> build() throws IOException {
        Map<String, Object> m = new HashMap<>();
        m.put("title", path.toAbsolutePath().normalize().getFileName() == null ? path.toString() : path.toAbsolutePath().normalize().getFileName().toString());
        m.put("version", "0.1.0");
        boolean repo = RepositoryOpener.isRepository(path);
        Census census;
        if (repo) {
            try (Repository r = RepositoryOpener.open(path)) {
                census = CensusEngine.countCommit(r, CensusCommand.resolve(r, "HEAD"), new BlobCache(), CensusEngine.Options.defaults());
                if (!noHistory) {
                    Path store = db != null ? db : (r.isBare() ? r.getDirectory().toPath() : r.getWorkTree().toPath()).resolve(".memsafe/history.db");
                    try (HistoryStore s = HistoryStore.open(store)) {
                        HistoryEngine.Result h = HistoryEngine.run(r, s, new HistoryEngine.Request("HEAD",
                                since == null ? null : java.time.LocalDate.parse(since), null, period, false, 100L << 20));
                        m.put("history", historyModel(h.periods(), period.name()));
                    }
                }
            }
        } else {
            census = CensusEngine.countDirectory(path, CensusEngine.Options.defaults());
        }
        if (!m.containsKey("history")) {
            m.put("historyNote", noHistory ? "History left out (--no-history)." : "Not a git repository: no history.");
        }
        m.put("commit", census.commit());
        m.put("unsafeShare", Output.percent(census.memoryUnsafeShare()));
        List<Map<String, Object>> langs = new ArrayList<>();
        for (var e : CensusFormat.orderedByClass(census.languages())) {
            Safety s = LanguageTable.safetyOf(e.getKey());
            langs.add(row(e.getValue(), Map.of("name", e.getKey(), "label", s.label(), "cssClass", s.name().toLowerCase())));
        }
        m.put("languages", langs);
        List<Map<String, Object>> groups = new ArrayList<>();
        CensusFormat.groups(census.languages()).forEach((label, c) -> groups.add(row(c, Map.of("label", label))));
        m.put("groups", groups);
        if (census.languages().containsKey("Rust")) {
            var u = census.rustUnsafe();
            m.put("rust", Map.of("blocks", u.blocks(), "fns", u.fns(), "fnTypes", u.fnPointerTypes(), "impls", u.impls(), "traits", u.traits(),
                    "lines", u.unsafeLines(), "share", Output.percent(census.rustUnsafeShare())));
        }
        if (repo && !Files.exists(path.resolve(".git"))) {
            m.put("planNote", "The plan needs a checked-out tree; this is a bare repository.");
        } else {
            PlanEngine.Result plan = PlanEngine.plan(new PlanEngine.Request(path, findings, 1, 12, System.currentTimeMillis() / 1000));
            if (plan.components().isEmpty()) {
                m.put("planNote", "No memory-unsafe code: nothing to port.");
            } else {
                List<Map<String, Object>> comps = new ArrayList<>();
                for (Component c : plan.components()) {
                    Map<String, Object> cm = new HashMap<>();
                    cm.put("rank", c.rank());
                    cm.put("name", c.name());
                    cm.put("score", String.format(java.util.Locale.ROOT, "%.3f", c.score()));
                    cm.put("unsafeCode", c.unsafeCode());
                    cm.put("findings", c.findings());
                    cm.put("inputCalls", c.exposure().values().stream().mapToInt(Integer::intValue).sum());
                    cm.put("churn", c.churn());
                    cm.put("why", String.join("; ", c.why()));
                    comps.add(cm);
                }
                m.put("plan", Map.of("components", comps));
            }
        }
        return m;
    }

    static Map<String, Object> row(LanguageCount c, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>(extra);
        r.put("files", c.files);
        r.put("blank", c.blank);
        r.put("comment", c.comment);
        r.put("code", c.code);
        return r;
    }

    static Map<String, Object> historyModel(List<PeriodResult> periods, String period) {
        Map<String, Object> m = new HashMap<>();
        m.put("period", period);
        m.put("chart", ShareChart.svgElement(periods, "Memory-unsafe share", 540, 400));
        m.put("areaChart", LanguageAreaChart.svgElement(periods, "Code per language", 540, 400));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PeriodResult p : periods) {
            Map<String, Object> r = new HashMap<>();
            r.put("start", p.start());
            r.put("commit", p.commit().substring(0, Math.min(10, p.commit().length())));
            r.put("commits", p.commits());
            r.put("unsafeCode", sum(p.languages(), Safety.UNSAFE));
            r.put("safeCode", sum(p.languages(), Safety.SAFE));
            r.put("share", Output.percent(p.memoryUnsafeShare()));
            r.put("addedUnsafe", sum(p.added(), Safety.UNSAFE));
            r.put("addedSafe", sum(p.added(), Safety.SAFE));
            r.put("newShare", Output.percent(p.newUnsafeShare()));
            // physical lines of every counted language, as git log --numstat counts them
            r.put("linesAdded", p.addedLines().values().stream().mapToLong(Long::longValue).sum());
            r.put("linesDeleted", p.deletedLines().values().stream().mapToLong(Long::longValue).sum());
            rows.add(r);
        }
        m.put("periods", rows);
        return m;
    }

    static long sum(Map<String, Long> m, Safety s) {
        return m.entrySet().stream().filter(e -> LanguageTable.safetyOf(e.getKey()) == s).mapToLong(Map.Entry::getValue).sum();
    }

    static String render(Map<String, Object> model) throws IOException {
        return render(model, "/io/memsafe/census/report.mustache");
    }

    static String render(Map<String, Object> model, String template) throws IOException {
        try (InputStream in = ReportCommand.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IOException("report template missing from the jar");
            }
            Template t = Mustache.compiler().defaultValue("").compile(new InputStreamReader(in, StandardCharsets.UTF_8));
            return t.execute(model);
        }
    }
}
