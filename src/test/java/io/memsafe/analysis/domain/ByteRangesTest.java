package io.memsafe.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The written-bytes set: holes kept, unions exact below the range limit, and always a superset above it. */
class ByteRangesTest {
    @Test
    void keepsHolesBetweenMembers() {
        ByteRanges w = ByteRanges.NONE.add(0, 0).add(4, 7).add(16, 39);
        assertThat(w.toString()).isEqualTo("0, 4..7, 16..39");
        assertThat(w.missing(1, 3)).isEqualTo(ByteRanges.of(1, 3));
        assertThat(w.covers(4, 7)).isTrue();
        assertThat(w.covers(4, 8)).isFalse();
        assertThat(w.missing(0, 55).toString()).isEqualTo("1..3, 8..15, 40..55");
        assertThat(w.hull()).isEqualTo(Interval.of(0, 39));
    }

    @Test
    void adjacentAndOverlappingRangesMerge() {
        ByteRanges w = ByteRanges.of(0, 3).add(4, 7).add(6, 12);
        assertThat(w.size()).isEqualTo(1);
        assertThat(w.toString()).isEqualTo("0..12");
        assertThat(w.add(2, 5)).isSameAs(w);
    }

    @Test
    void allAndNone() {
        assertThat(ByteRanges.ALL.add(3, 4)).isSameAs(ByteRanges.ALL);
        assertThat(ByteRanges.NONE.union(ByteRanges.ALL).isAll()).isTrue();
        assertThat(ByteRanges.NONE.missing(2, 5)).isEqualTo(ByteRanges.of(2, 5));
        assertThat(ByteRanges.ALL.missing(2, 5).isEmpty()).isTrue();
        assertThat(ByteRanges.of(8, Interval.POS_INF).missing(0, 100)).isEqualTo(ByteRanges.of(0, 7));
        assertThat(ByteRanges.NONE.leq(ByteRanges.of(1, 1))).isTrue();
        assertThat(ByteRanges.of(1, 2).leq(ByteRanges.NONE)).isFalse();
    }

    /** Against a bit set: exact while few ranges, a superset past the limit, and union is commutative. */
    @Test
    void matchesABitSetAndStaysASuperset() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            BitSet bits = new BitSet();
            ByteRanges w = ByteRanges.NONE, v = ByteRanges.NONE;
            // exact while the set never needed more than MAX ranges
            boolean exact = true;
            int adds = 1 + rnd.nextInt(30);
            for (int k = 0; k < adds; k++) {
                int lo = rnd.nextInt(200), hi = lo + rnd.nextInt(6);
                bits.set(lo, hi + 1);
                w = w.add(lo, hi);
                v = ByteRanges.of(lo, hi).union(v);
                exact &= runs(bits) <= ByteRanges.MAX;
            }
            assertThat(w.size()).isLessThanOrEqualTo(ByteRanges.MAX);
            for (int b = 0; b < 210; b++) {
                if (bits.get(b)) assertThat(w.covers(b, b)).isTrue();
                if (exact) assertThat(w.covers(b, b)).isEqualTo(bits.get(b));
            }
            if (exact) assertThat(v).isEqualTo(w);
            assertThat(w.union(v).union(w)).isEqualTo(v.union(w));
            // missing() and the set partition any range
            ByteRanges gaps = w.missing(0, 209);
            for (int b = 0; b < 210; b++) assertThat(gaps.covers(b, b)).isNotEqualTo(w.covers(b, b));
        }
    }

    private static int runs(BitSet bits) {
        int n = 0;
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(bits.nextClearBit(i))) n++;
        return n;
    }
}
