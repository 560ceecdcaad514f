package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regions are equal by key, so one allocation site reached with a larger size in a later iteration
 * would keep the size seen first unless joins and orders look at the sizes too.
 */
class BlockSizeJoinTest {
    private static final SourceLoc AT = new SourceLoc("t.c", 12, 3);

    private static Region block(long lo, long hi) {
        return Region.block("h:t.c:12:3", false, Value.of(Interval.of(lo, hi)), "malloc", AT);
    }

    private static State holding(Region r) {
        State s = new State(new TreeMap<>(), false);
        s.set(r, Contents.zeroed());
        return s;
    }

    @Test
    void joinedStatesKeepBothSizes() {
        State small = holding(block(0, 8)), large = holding(block(0, 8008));
        State joined = small.join(large);
        Region r = joined.mem.firstKey();
        assertThat(r.size.num).isEqualTo(Interval.of(0, 8008));
        assertThat(r.description).isEqualTo("heap block from malloc([0, 8008] bytes) at line 12");
        assertThat(large.leq(small)).as("a larger block is not below a smaller one").isFalse();
        assertThat(small.leq(joined)).isTrue();
    }

    @Test
    void joinedPointersDesignateTheLargerBlock() {
        Value toSmall = Value.pointer(block(0, 8), Interval.ZERO), toLarge = Value.pointer(block(0, 80), Interval.ZERO);
        Value joined = toSmall.join(toLarge);
        Map.Entry<Region, Interval> e = joined.pts.entrySet().iterator().next();
        assertThat(e.getKey().size.num).isEqualTo(Interval.of(0, 80));
        assertThat(toLarge.leq(toSmall)).isFalse();
        assertThat(toSmall.leq(joined)).isTrue();
        assertThat(toSmall).isNotEqualTo(toLarge);
        assertThat(joined).isEqualTo(toLarge);
    }

    @Test
    void sameSizeKeepsTheSameInstance() {
        Region a = block(0, 8), b = block(0, 8);
        assertThat(a.withSizeOf(b, false, null)).isSameAs(a);
        assertThat(a.withSizeOf(block(0, 4), false, null)).isSameAs(a);
    }
}
