package io.memsafe.checkers;

import io.memsafe.analysis.engine.Finding;
import io.memsafe.analysis.engine.ProgramAnalyzer;
import io.memsafe.frontend.CompileUnit;
import io.memsafe.frontend.Frontend;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clang -verify style: each fixture carries {@code // expect-warning: CWE-n} on the lines where a
 * finding is expected. Every expectation must be reported and nothing else may be.
 */
class FixtureTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect-warning:\\s*CWE-(\\d+)");

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
        return Stream.concat(files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(List.of(f)))),
                programs.stream().map(d -> DynamicTest.dynamicTest(ROOT.relativize(d).toString(), () -> {
                    try (Stream<Path> s = Files.list(d)) {
                        check(s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".cpp")).sorted().toList());
                    }
                })));
    }

    static TreeSet<String> expected(Path f) throws IOException {
        TreeSet<String> exp = new TreeSet<>();
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) exp.add((i + 1) + ":CWE-" + m.group(1));
        }
        return exp;
    }

    /** One program of one or more translation units. */
    static List<Finding> analyse(List<Path> files) {
        List<CompileUnit> units = files.stream().map(f -> new CompileUnit(f, List.of(), Map.of(), CompileUnit.isCplusplusFile(f))).toList();
        Frontend.Result fe = new Frontend(false).load(units, 1);
        return new ProgramAnalyzer(fe.program(), Checkers.all(), ProgramAnalyzer.Options.defaults(1)).run(null).findings();
    }

    private static void check(List<Path> files) throws IOException {
        TreeSet<String> actual = new TreeSet<>(), exp = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (Finding fd : analyse(files)) {
            String name = Path.of(fd.loc().file()).getFileName().toString();
            actual.add(name + ":" + fd.loc().line() + ":CWE-" + fd.rule().cwe());
            messages.add(name + ":" + fd.loc().line() + ": " + fd.message());
        }
        for (Path f : files) for (String e : expected(f)) exp.add(f.getFileName() + ":" + e);
        assertThat(actual).as("findings of %s (%s)", files, messages).isEqualTo(exp);
    }
}
