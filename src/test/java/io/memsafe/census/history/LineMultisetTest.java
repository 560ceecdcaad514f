package io.memsafe.census.history;

import io.memsafe.census.lang.LineKinds;
import io.memsafe.census.lang.LineScanner;
import io.memsafe.census.lang.Syntax;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineMultisetTest {

    private static long[] diff(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        LineKinds kx = LineScanner.scan(x, Syntax.HASH_PLAIN);
        LineKinds ky = LineScanner.scan(y, Syntax.HASH_PLAIN);
        return LineMultiset.addedDeleted(x, kx, y, ky);
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
    }
}
