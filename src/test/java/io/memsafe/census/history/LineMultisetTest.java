package io.memsafe.census.history;

import io.memsafe.census.lang.LineKinds;
import io.memsafe.census.lang.LineScanner;
import io.memsafe.census.lang.Syntax;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LineMultisetTest {

    private static long[] diff(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        LineKinds kx = LineScanner.scan(x, Syntax.HASH_PLAIN);
        LineKinds ky = LineScanner.scan(y, Syntax.HASH_PLAIN);
        return LineMultiset.addedDeleted(x, kx, y, ky);
    }

    private static long[] lineLocal(String a, String b, Syntax syntax) {
        return LineMultiset.addedDeletedLineLocal(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8), syntax);
    }

    @Test
    void countsChangedCodeLinesOnly() {
        assertThat(diff("a\nb\nc\n", "a\nB\nc\n# comment\n")).containsExactly(1, 1);
        assertThat(diff("a\nb\nc\n", "a\nb\nc\nd")).containsExactly(1, 0);
        assertThat(diff("x\na\nb\n", "a\nb\n")).containsExactly(0, 1);
        // a line extended at the end of the shared tail must not be mistaken for shared
        assertThat(diff("ab\nc\n", "xab\nc\n")).containsExactly(1, 1);
    }

    @Test
    void movedLinesAreNotNew() {
        assertThat(diff("a\nb\nc\n", "c\na\nb\n")).containsExactly(0, 0);
        assertThat(lineLocal("a\nb\nc\n", "c\na\nb\n", Syntax.HASH)).containsExactly(0, 0);
    }

    @Test
    void lineLocalCountsInsertionsDeletionsAndReplacements() {
        String base = "a\nb\n# c\nd\ne\nf\ng\n";
        assertThat(lineLocal(base, base, Syntax.HASH)).containsExactly(0, 0);
        assertThat(lineLocal(base, "a\nb\nNEW\n# c\nd\ne\nf\ng\n", Syntax.HASH)).containsExactly(1, 0);
        assertThat(lineLocal(base, "a\nb\n# c\nd\nf\ng\n", Syntax.HASH)).containsExactly(0, 1);
        assertThat(lineLocal(base, "a\nB\n# c\nd\ne\nf\ng\n", Syntax.HASH)).containsExactly(1, 1);
        // comment and blank lines are not code, added or deleted
        assertThat(lineLocal(base, "a\nb\n# changed\n\nd\ne\nf\ng\n", Syntax.HASH)).containsExactly(0, 0);
        // a '#' inside a string is code where strings are known, a comment where they are not (shell, cloc)
        assertThat(lineLocal(base, base + "\"#x\"\n", Syntax.HASH)).containsExactly(1, 0);
        assertThat(lineLocal(base, base + "#x\n", Syntax.HASH_PLAIN)).containsExactly(0, 0);
        // last line without a newline, and a newline added to it
        assertThat(lineLocal("a\nb", "a\nb\n", Syntax.HASH)).containsExactly(0, 0);
        assertThat(lineLocal("a\nb", "a\nbc", Syntax.HASH)).containsExactly(1, 1);
        assertThat(lineLocal("", "a\n", Syntax.HASH)).containsExactly(1, 0);
        assertThat(lineLocal("a\n", "", Syntax.HASH)).containsExactly(0, 1);
    }

    @Test
    void commonSuffixMatchesAByteByByteComparison() {
        Random rnd = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] tail = new byte[rnd.nextInt(round % 50 == 0 ? 20000 : 300)];
            rnd.nextBytes(tail);
            byte[] a = concat(randomBytes(rnd, rnd.nextInt(50)), tail);
            byte[] b = concat(randomBytes(rnd, rnd.nextInt(50)), tail);
            int max = rnd.nextInt(Math.min(a.length, b.length) + 1);
            int expected = 0;
            while (expected < max && a[a.length - 1 - expected] == b[b.length - 1 - expected]) {
                expected++;
            }
            assertThat(LineMultiset.commonSuffix(a, b, max)).isEqualTo(expected);
        }
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] x = new byte[n];
        rnd.nextBytes(x);
        return x;
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    /**
     * The side-by-side pairing is only a shortcut: on random edits of files with many repeated lines (the worst case
     * for getting back in step) it must give exactly the multiset difference of the code lines of the whole files.
     */
    @Test
    void lineLocalEqualsTheMultisetDifferenceOfWholeFiles() {
        Random rnd = new Random(42);
        String[] vocabulary = {"x = 1", "msgstr \"\"", "# comment", "", "  ", "\"# not a comment\"", "echo $a # trailing",
                "a\r", "#: src/file.cpp:12", "msgid \"text\"", "}", "end"};
        for (int round = 0; round < 3000; round++) {
            List<String> a = new ArrayList<>();
            int n = rnd.nextInt(round % 10 == 0 ? 400 : 40);
            for (int k = 0; k < n; k++) {
                a.add(rnd.nextInt(4) == 0 ? "line " + rnd.nextInt(30) : vocabulary[rnd.nextInt(vocabulary.length)]);
            }
            List<String> b = new ArrayList<>(a);
            int edits = 1 + rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = b.isEmpty() ? 0 : rnd.nextInt(b.size() + 1);
                int len = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 12);
                switch (rnd.nextInt(4)) {
                    case 0 -> { // insert
                        for (int k = 0; k < len; k++) {
                            b.add(Math.min(at, b.size()), "new " + rnd.nextInt(20));
                        }
                    }
                    case 1 -> { // delete
                        for (int k = 0; k < len && at < b.size(); k++) {
                            b.remove(at);
                        }
                    }
                    case 2 -> { // replace
                        for (int k = 0; k < len && at + k < b.size(); k++) {
                            b.set(at + k, rnd.nextBoolean() ? "# changed " + k : vocabulary[rnd.nextInt(vocabulary.length)]);
                        }
                    }
                    default -> { // move a block
                        if (at < b.size()) {
                            List<String> block = new ArrayList<>(b.subList(at, Math.min(b.size(), at + len)));
                            b.subList(at, Math.min(b.size(), at + len)).clear();
                            b.addAll(rnd.nextInt(b.size() + 1), block);
                        }
                    }
                }
            }
            String sa = String.join("\n", a) + (rnd.nextInt(5) == 0 ? "" : "\n");
            String sb = String.join("\n", b) + (rnd.nextInt(5) == 0 ? "" : "\n");
            for (Syntax syntax : List.of(Syntax.HASH, Syntax.HASH_PLAIN)) {
                byte[] x = sa.getBytes(StandardCharsets.UTF_8);
                byte[] y = sb.getBytes(StandardCharsets.UTF_8);
                long[] expected = LineMultiset.addedDeleted(x, LineScanner.scan(x, syntax), y, LineScanner.scan(y, syntax));
                assertThat(LineMultiset.addedDeletedLineLocal(x, y, syntax)).as("round %d:%n%s%n---%n%s", round, sa, sb)
                        .containsExactly(expected);
            }
        }
    }
}
