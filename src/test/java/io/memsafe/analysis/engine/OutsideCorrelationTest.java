package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Correlation;
import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.SourceLoc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Outside" correlations: one path held exactly some values of x, the other anything; a test that
 * fails for all of those values decides which path ran, even when x is otherwise unknown.
 */
class OutsideCorrelationTest {
    private static final SourceLoc AT = new SourceLoc("t.c", 3, 1);

    private static Region local(String name, long size) {
        return new Region("v:t.c:f:" + name, Region.Kind.STACK, Value.of(size), "'" + name + "'", AT, "declaration");
    }

    private static Value load(State s, Region r, long size) { return s.contents(r).load(Interval.ZERO, size); }

    @Test
    void aTestFailsForAllValuesOnlyWhenNoPairSatisfiesIt() {
        assertThat(Correlations.fails(Interval.of(0), BinOp.GT, Interval.of(0))).isTrue();
        assertThat(Correlations.fails(Interval.of(0), BinOp.GT, Interval.of(-1, 0))).as("0 > -1 holds").isFalse();
        assertThat(Correlations.fails(Interval.of(0), BinOp.LT, Interval.of(1, 5))).isFalse();
        assertThat(Correlations.fails(Interval.of(5), BinOp.LT, Interval.of(1, 5))).isTrue();
        assertThat(Correlations.fails(Interval.of(3), BinOp.NE, Interval.of(3))).isTrue();
        assertThat(Correlations.fails(Interval.of(3), BinOp.EQ, Interval.of(4, 9))).isTrue();
        assertThat(Correlations.fails(Interval.of(0, 4), BinOp.GE, Interval.of(4, 9))).as("4 >= 4 holds").isFalse();
    }

    @Test
    void aTestExcludingTheExactValuesNarrowsTheOtherVariableEvenForAnUnknownX() {
        Region len = local("len", 8), out = local("out", 8);
        Region block = new Region("h:t.c:5:9", Region.Kind.HEAP, Value.of(64), "block", AT, "malloc");
        Region empty = new Region("h:t.c:5:30", Region.Kind.HEAP, Value.of(1), "empty", AT, "strdup");
        State s = new State(new TreeMap<>(), false);
        s.set(len, Contents.uninitialized().store(Interval.ZERO, 8, Value.UNKNOWN, true));
        Value both = Value.pointer(block, Interval.ZERO).join(Value.pointer(empty, Interval.ZERO));
        s.set(out, Contents.uninitialized().store(Interval.ZERO, 8, both, true));
        s.cor = List.of(new Correlation(len, Interval.of(0), out, Value.pointer(block, Interval.ZERO), true));

        State notDecided = s.copy();
        Correlations.tested(notDecided, len, BinOp.GE, Value.of(0));
        assertThat(load(notDecided, out, 8).pts).as("len >= 0 allows 0").containsOnlyKeys(block, empty);

        State decided = s.copy();
        Correlations.tested(decided, len, BinOp.GT, Value.of(0));
        assertThat(load(decided, out, 8).pts).as("len > 0: not the path where len was 0").containsOnlyKeys(block);

        State unknownBound = s.copy();
        Correlations.tested(unknownBound, len, BinOp.GT, Value.UNKNOWN);
        assertThat(load(unknownBound, out, 8).pts).as("a bound that may be anything decides nothing").containsOnlyKeys(block, empty);
    }
}
