package io.memsafe.analysis.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells far from an object's start, or as long as the rest of it (an unknown size held as a long's
 * maximum): stores and loads there keep the cells and do not wrap their ranges around (brotli's
 * encoder copied such a member and the analysis of the callee failed).
 */
class ContentsFarCellsTest {
    private static final long FAR = Long.MAX_VALUE - 16;

    @Test
    void aStoreNearTheEndOfTheOffsetsKeepsTheValue() {
        Contents c = Contents.uninitialized().store(Interval.of(FAR), 64, Value.of(7), true);
        assertThat(c.load(Interval.of(FAR), 64).constant()).isEqualTo(7L);
    }

    @Test
    void aCellAsLongAsTheRestOfTheObjectIsReplacedByALaterStore() {
        Contents c = Contents.uninitialized().store(Interval.of(8), Long.MAX_VALUE - 8, Value.of(1), true)
                .store(Interval.of(8), Long.MAX_VALUE - 8, Value.of(2), true);
        assertThat(c.load(Interval.of(8), Long.MAX_VALUE - 8).constant()).isEqualTo(2L);
    }

    @Test
    void aLoadOfAWideRangeNearTheEndSeesTheCellThere() {
        Contents c = Contents.uninitialized().store(Interval.of(FAR), 4, Value.of(3), true);
        // the range reaches the cell: its value is among those the load may give
        Value v = c.load(Interval.of(FAR - 8, FAR), 1 << 20);
        assertThat(v.unknown || v.num.contains(3)).isTrue();
        assertThat(c.load(Interval.of(FAR), 4).constant()).isEqualTo(3L);
    }

    @Test
    void slotsOfAHugeElementSizeLeaveOtherCellsAlone() {
        Contents c = Contents.uninitialized().store(Interval.of(-64), 4, Value.of(9), true)
                .store(Interval.of(0, 16), Long.MAX_VALUE / 2, Value.of(5), false);
        assertThat(c.load(Interval.of(-64), 4).constant()).isEqualTo(9L);
    }
}
