package io.memsafe.analysis;

import io.memsafe.analysis.domain.Interval;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalTest {
    @Test
    void joinAndMeet() {
        assertThat(Interval.of(0, 3).join(Interval.of(5, 9))).isEqualTo(Interval.of(0, 9));
        assertThat(Interval.of(0, 3).meet(Interval.of(5, 9)).isBottom()).isTrue();
        assertThat(Interval.BOTTOM.join(Interval.of(2))).isEqualTo(Interval.of(2));
    }

    @Test
    void arithmeticSaturatesInsteadOfWrapping() {
        assertThat(Interval.of(Long.MAX_VALUE - 1).add(Interval.of(10)).hi()).isEqualTo(Interval.POS_INF);
        assertThat(Interval.of(-3, 4).mul(Interval.of(2, 5))).isEqualTo(Interval.of(-15, 20));
        assertThat(Interval.of(10, 20).div(Interval.of(2, 5))).isEqualTo(Interval.of(2, 10));
        assertThat(Interval.of(0, 100).rem(Interval.of(10))).isEqualTo(Interval.of(0, 9));
    }

    @Test
    void wideningJumpsToThresholdsThenInfinity() {
        long[] th = {0, 10, 100};
        assertThat(Interval.of(0, 0).widen(Interval.of(0, 1), th)).isEqualTo(Interval.of(0, 10));
        assertThat(Interval.of(0, 10).widen(Interval.of(0, 11), th)).isEqualTo(Interval.of(0, 100));
        assertThat(Interval.of(0, 100).widen(Interval.of(0, 101), th)).isEqualTo(Interval.of(0, Interval.POS_INF));
        assertThat(Interval.of(0, Interval.POS_INF).narrow(Interval.of(0, 42))).isEqualTo(Interval.of(0, 42));
    }

    @Test
    void castsFollowTheTargetType() {
        assertThat(Interval.of(300).castTo(1, false)).isEqualTo(Interval.of(44));
        assertThat(Interval.of(-1).castTo(1, false)).isEqualTo(Interval.of(255));
        assertThat(Interval.of(0, 1000).castTo(1, true)).isEqualTo(Interval.ofType(1, true));
        assertThat(Interval.of(5, 7).castTo(4, true)).isEqualTo(Interval.of(5, 7));
    }

    @Test
    void bitOrOfBytesReadWithEndOfFile() {
        Interval b = Interval.of(-1, 255);
        assertThat(b.shl(Interval.of(8)).bitOr(b)).isEqualTo(Interval.of(-256, 65535));
        assertThat(Interval.of(-8, -1).bitOr(Interval.of(-4, -2))).isEqualTo(Interval.of(-8, -1));
        assertThat(Interval.of(Interval.NEG_INF, 3).bitOr(Interval.of(0, 1))).isEqualTo(Interval.of(Interval.NEG_INF, 3));
    }

    /** Every x | y of operands drawn from two intervals lies in the intervals' bitOr, whatever their signs. */
    @Test
    void bitOrContainsEveryResult() {
        Random r = new Random(7);
        for (int t = 0; t < 2000; t++) {
            long a = r.nextInt(600) - 300, b = a + r.nextInt(80), c = r.nextInt(600) - 300, d = c + r.nextInt(80);
            Interval got = Interval.of(a, b).bitOr(Interval.of(c, d));
            for (long x = a; x <= b; x++) {
                for (long y = c; y <= d; y++) {
                    assertThat(got.lo() <= (x | y) && (x | y) <= got.hi()).as("%d | %d in %s", x, y, got).isTrue();
                }
            }
        }
    }
}
