package io.memsafe.scan;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.ProgramAnalyzer;
import io.memsafe.checkers.Checkers;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.Frontend;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Regression gate on a fixed sample of Juliet 1.3 buffer cases (the shared development set): each
 * case is analysed once with only its bad code and once with only its good code, as the benchmark
 * protocol does; discrimination (bad flagged and good quiet) must stay above the threshold.
 * The sample is every 25th single-file C case of CWE 121-127 with flow variants 01-18, by name.
 */
class JulietGateTest {
    private static final Path JULIET = Path.of("../shared/juliet");
    private static final Pattern CASE = Pattern.compile("^CWE(121|122|124|126|127)_.+__.+_(\\d\\d)\\.c$");
    private static final Set<Integer> BUFFER_CWES = Set.of(119, 120, 121, 122, 123, 124, 125, 126, 127, 787, 788);
    static final double THRESHOLD = 0.90;

    @Test
    void discriminationOnFixedSampleStaysAboveThreshold() throws IOException {
        assumeTrue(Files.isDirectory(JULIET) || System.getenv("CI") != null, "../shared/juliet not present");
        assertThat(JULIET).isDirectory();
        List<Path> cases;
        try (Stream<Path> s = Files.walk(JULIET.resolve("testcases"))) {
            cases = s.filter(p -> {
                Matcher m = CASE.matcher(p.getFileName().toString());
                return m.matches() && Integer.parseInt(m.group(2)) <= 18;
            }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        List<Path> sample = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += 25) sample.add(cases.get(i));
        assertThat(sample).hasSizeGreaterThan(100);
        Map<String, Boolean> detected = run(sample, "OMITGOOD"), quiet = run(sample, "OMITBAD");
        int both = 0;
        List<String> misses = new ArrayList<>();
        for (Path p : sample) {
            String n = p.getFileName().toString();
            boolean ok = detected.get(n) && !quiet.get(n);
            if (ok) both++;
            else misses.add(n + (detected.get(n) ? "" : " [missed]") + (quiet.get(n) ? " [false alarm]" : ""));
        }
        double discrimination = (double) both / sample.size();
        System.out.printf("Juliet gate: %d cases, discrimination %.3f%n", sample.size(), discrimination);
        assertThat(discrimination).as("discrimination; not discriminated: %s", misses).isGreaterThanOrEqualTo(THRESHOLD);
    }

    /** File name -> whether any buffer finding was reported in it. */
    private static Map<String, Boolean> run(List<Path> files, String omit) {
        Path support = JULIET.resolve("testcasesupport");
        List<CompileUnit> units = new ArrayList<>();
        for (Path f : files) units.add(new CompileUnit(f, List.of(support), Map.of(omit, "1", "INCLUDEMAIN", "1"), false));
        Frontend.Result fe = new Frontend(false).load(units, 2);
        List<Finding> findings = new ProgramAnalyzer(fe.program(), Checkers.all(), ProgramAnalyzer.Options.defaults(2)).run(null).findings();
        Map<String, Boolean> flagged = new TreeMap<>();
        for (Path f : files) flagged.put(f.getFileName().toString(), false);
        for (Finding fd : findings) {
            if (!BUFFER_CWES.contains(fd.rule().cwe())) continue;
            flagged.computeIfPresent(Path.of(fd.loc().file()).getFileName().toString(), (k, v) -> true);
        }
        return flagged;
    }
}
