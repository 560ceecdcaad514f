package io.memsafe.fleet;

import io.memsafe.census.history.PeriodKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RollupTest {

    private static TaskResult.Period period(String start, String end, int commits, Map<String, Long> code, Map<String, Long> added) {
        return new TaskResult.Period(start, end, "c" + start, commits, code, added, Map.of(), Map.of(), Map.of(), 0);
    }

    @Test
    void physicalLinesAreSummedPerPeriodAcrossRepositories() {
        // code lines (added/deleted) and physical lines (added_lines/deleted_lines, as git log --numstat) are summed alike
        Rollup.Result r = Rollup.of(Map.of(
                "a", List.of(new TaskResult.Period("2024-01-01", "2024-02-01", "a1", 1, Map.of("C", 90L), Map.of("C", 90L),
                                Map.of("C", 4L), Map.of("C", 120L), Map.of("C", 7L), 0),
                        new TaskResult.Period("2024-02-01", "2024-03-01", "a2", 1, Map.of("C", 95L), Map.of("C", 5L),
                                Map.of(), Map.of("C", 6L, "Markdown", 3L), Map.of("Markdown", 1L), 0)),
                "b", List.of(new TaskResult.Period("2024-01-01", "2024-02-01", "b1", 2, Map.of("Rust", 900L), Map.of("Rust", 900L),
                        Map.of("Rust", 10L), Map.of("Rust", 1000L), Map.of("Rust", 12L, "Markdown", 2L), 0))),
                PeriodKind.month);
        Rollup.FleetPeriod jan = r.periods().get(0);
        assertThat(jan.addedLines()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 120L, "Rust", 1000L));
        assertThat(jan.deletedLines()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 7L, "Rust", 12L, "Markdown", 2L));
        assertThat(jan.deleted()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 4L, "Rust", 10L));
        // February: b has no commit, so its code is carried forward but none of its January lines are counted again
        Rollup.FleetPeriod feb = r.periods().get(1);
        assertThat(feb.repositories()).isEqualTo(2);
        assertThat(feb.addedLines()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 6L, "Markdown", 3L));
        assertThat(feb.deletedLines()).containsExactlyInAnyOrderEntriesOf(Map.of("Markdown", 1L));
    }

    @Test
    void theRollupJsonNamesThePhysicalLinesAsHistoryDoes() throws Exception {
        Rollup.Result r = Rollup.of(Map.of("a", List.of(new TaskResult.Period("2024-01-01", "2024-02-01", "a1", 1,
                Map.of("C", 9L), Map.of("C", 9L), Map.of(), Map.of("C", 11L), Map.of("C", 2L), 0))), PeriodKind.month);
        com.fasterxml.jackson.databind.JsonNode p = io.memsafe.census.Output.JSON.valueToTree(r).path("periods").get(0);
        assertThat(p.path("added_lines").path("C").asLong()).isEqualTo(11);
        assertThat(p.path("deleted_lines").path("C").asLong()).isEqualTo(2);
    }

    @Test
    void linesAreSummedNotSharesAveraged() {
        // a: 90 lines of C (100% unsafe); b: 10 lines of C and 900 of Rust (1% unsafe). Averaging would say 50.5%.
        Rollup.Result r = Rollup.of(Map.of(
                "a", List.of(period("2024-01-01", "2024-02-01", 1, Map.of("C", 90L), Map.of("C", 90L))),
                "b", List.of(period("2024-01-01", "2024-02-01", 2, Map.of("C", 10L, "Rust", 900L), Map.of("Rust", 900L)))),
                PeriodKind.month);
        Rollup.FleetPeriod p = r.periods().get(0);
        assertThat(p.languages()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 100L, "Rust", 900L));
        assertThat(p.memoryUnsafeShare()).isEqualTo(0.1);
        assertThat(p.newUnsafeShare()).isEqualTo(0.0909);
        assertThat(p.commits()).isEqualTo(3);
        // without b the fleet would be all C: b moves the code-base share most (10% with it, 100% without)
        assertThat(r.movers().get(0).repository()).isEqualTo("b");
        assertThat(r.movers().get(0).memoryUnsafeShareEffect()).isEqualTo(-0.9);
        assertThat(r.movers().get(1).newUnsafeShareEffect()).isEqualTo(0.0909);
    }

    @Test
    void aRepositoryKeepsItsCodeAfterItsLastCommitAndHasNoneBeforeItsFirst() {
        Rollup.Result r = Rollup.of(Map.of(
                "old", List.of(period("2024-01-01", "2024-02-01", 1, Map.of("C", 50L), Map.of("C", 50L))),
                "new", List.of(period("2024-03-01", "2024-04-01", 1, Map.of("Go", 50L), Map.of("Go", 50L)))),
                PeriodKind.month);
        assertThat(r.periods()).extracting(Rollup.FleetPeriod::start).containsExactly("2024-01-01", "2024-02-01", "2024-03-01");
        assertThat(r.periods().get(1).languages()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 50L));
        assertThat(r.periods().get(1).added()).isEmpty();
        assertThat(r.periods().get(1).newUnsafeShare()).isNull();
        assertThat(r.periods().get(2).languages()).containsExactlyInAnyOrderEntriesOf(Map.of("C", 50L, "Go", 50L));
        assertThat(r.periods().get(2).memoryUnsafeShare()).isEqualTo(0.5);
        assertThat(r.periods().get(2).repositories()).isEqualTo(2);
    }

    @Test
    void theTaskCodeIsCompiledForJava17() throws Exception {
        for (Class<?> c : List.of(TaskRunner.class, io.memsafe.census.history.HistoryEngine.class, io.memsafe.harden.HardenScanner.class)) {
            try (var in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                byte[] header = in.readNBytes(8);
                assertThat(((header[6] & 0xff) << 8) | (header[7] & 0xff)).as(c.getName()).isEqualTo(61);
            }
        }
    }
}
