package io.memsafe.checkers;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.ProgramAnalyzer;
import io.memsafe.frontend.CompileDatabase;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.ir.DataModel;
import io.memsafe.frontend.Frontend;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clang -verify style: each fixture carries {@code // expect-warning: CWE-n} on the lines where a
 * finding is expected. Every expectation must be reported and nothing else may be. A fixture with
 * {@code // compile-flags: ...} lines is checked once per line, compiled with those flags (as a
 * compile-database entry: {@code -m32}, {@code --target=...} choose its data model); an expectation
 * written {@code // expect-warning(ILP32,LLP64): CWE-n} holds only under the models named.
 */
class FixtureTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect-warning(?:\\(([A-Z0-9, ]+)\\))?:\\s*CWE-(\\d+)");
    private static final Pattern FLAGS = Pattern.compile("^//\\s*compile-flags:(.*)$");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> (p.toString().endsWith(".c") || p.toString().endsWith(".cpp"))
                    && !p.getParent().getFileName().toString().endsWith(".program")).sorted().toList();
        }
        List<Path> programs;
        try (Stream<Path> s = Files.walk(ROOT)) {
            programs = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().endsWith(".program")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        return Stream.concat(files.stream().flatMap(FixtureTest::flagSets),
                programs.stream().map(d -> DynamicTest.dynamicTest(ROOT.relativize(d).toString(), () -> {
                    try (Stream<Path> s = Files.list(d)) {
                        check(s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".cpp")).sorted().toList(), List.of());
                    }
                })));
    }

    /** One test per {@code compile-flags} line of a fixture (one without flags when it has none). */
    private static Stream<DynamicTest> flagSets(Path f) {
        List<List<String>> sets = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(f)) {
                Matcher m = FLAGS.matcher(line.trim());
                if (m.matches()) sets.add(m.group(1).isBlank() ? List.of() : List.of(m.group(1).trim().split("\\s+")));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (sets.isEmpty()) return Stream.of(DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(List.of(f), List.of())));
        return sets.stream().map(flags -> DynamicTest.dynamicTest(ROOT.relativize(f) + " " + flags, () -> check(List.of(f), flags)));
    }

    static TreeSet<String> expected(Path f) throws IOException {
        return expected(f, null);
    }

    /** The expectations that hold under {@code model} (null: the unqualified ones and every model's). */
    static TreeSet<String> expected(Path f, DataModel model) throws IOException {
        TreeSet<String> exp = new TreeSet<>();
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) {
                if (m.group(1) == null || model == null || List.of(m.group(1).replace(" ", "").split(",")).contains(model.name())) {
                    exp.add((i + 1) + ":CWE-" + m.group(2));
                }
            }
        }
        return exp;
    }

    static CompileUnit unit(Path f, List<String> flags) {
        List<String> args = new ArrayList<>(List.of(CompileUnit.isCplusplusFile(f) ? "c++" : "cc"));
        args.addAll(flags);
        args.add(f.toString());
        return CompileDatabase.fromArguments(f, f.toAbsolutePath().getParent(), args);
    }

    /** One program of one or more translation units. */
    static List<Finding> analyse(List<Path> files) {
        return analyseUnits(files.stream().map(f -> unit(f, List.of())).toList());
    }

    private static List<Finding> analyseUnits(List<CompileUnit> units) {
        Frontend.Result fe = new Frontend(false).load(units, 1);
        return new ProgramAnalyzer(fe.program(), Checkers.all(), ProgramAnalyzer.Options.defaults(1)).run(null).findings();
    }

    private static void check(List<Path> files, List<String> flags) throws IOException {
        TreeSet<String> actual = new TreeSet<>(), exp = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        List<CompileUnit> units = files.stream().map(f -> unit(f, flags)).toList();
        DataModel model = units.get(0).dataModel() != null ? units.get(0).dataModel() : DataModel.host();
        for (Finding fd : analyseUnits(units)) {
            String name = Path.of(fd.loc().file()).getFileName().toString();
            actual.add(name + ":" + fd.loc().line() + ":CWE-" + fd.rule().cwe());
            messages.add(name + ":" + fd.loc().line() + ": " + fd.message());
        }
        for (Path f : files) for (String e : expected(f, model)) exp.add(f.getFileName() + ":" + e);
        assertThat(actual).as("findings of %s (%s)", files, messages).isEqualTo(exp);
    }
}
