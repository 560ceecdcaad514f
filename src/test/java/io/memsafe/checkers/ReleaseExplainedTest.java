package io.memsafe.checkers;

import io.memsafe.analysis.engine.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A use after a release inside a callee names the call of the function it is reported in, as a reader follows it. */
class ReleaseExplainedTest {
    private static final Path SOURCE = Path.of("src/test/resources/explain/freed_in_a_call.c");

    @Test
    void theCallThatReleasedTheBlockIsNamed() {
        List<Finding> found = FixtureTest.analyse(List.of(SOURCE));
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.loc().line()).isEqualTo(10);
        assertThat(f.message()).contains("freed at line 3 (in the call at line 9)");
        assertThat(f.trace()).extracting(t -> t.loc().line() + ": " + t.message())
                .containsSubsequence("6: heap block from malloc(4 bytes) at line 6 allocated here",
                        "9: the call that frees it", "3: freed here");
    }
}
