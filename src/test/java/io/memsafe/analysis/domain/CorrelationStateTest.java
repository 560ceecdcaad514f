package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A correlation restricts the states a state stands for: one that keeps it is below one that does
 * not, never the other way round, and a join keeps it only when both sides hold it.
 */
class CorrelationStateTest {
    private static final SourceLoc AT = new SourceLoc("t.c", 3, 1);

    private static Region local(String name) {
        return new Region("v:t.c:f:" + name, Region.Kind.STACK, Value.of(4), "'" + name + "'", AT, "declaration");
    }

    private static State holding(Region x, Interval xv, Region y, Interval yv) {
        State s = new State(new TreeMap<>(), false);
        s.set(x, Contents.uninitialized().store(Interval.ZERO, 4, Value.of(xv), true));
        s.set(y, Contents.uninitialized().store(Interval.ZERO, 4, Value.of(yv), true));
        return s;
    }

    @Test
    void aStateKeepingACorrelationIsBelowOneThatDoesNot() {
        Region bytes = local("bytes"), rest = local("rest");
        State loose = holding(bytes, Interval.of(0, 16), rest, Interval.of(0, 7));
        State kept = loose.copy();
        kept.cor = List.of(new Correlation(bytes, Interval.of(16), rest, Value.of(0)));
        assertThat(kept.leq(loose)).isTrue();
        assertThat(loose.leq(kept)).as("dropping the correlation is not below keeping it").isFalse();
        assertThat(kept).isNotEqualTo(loose);
        assertThat(kept.copy()).isEqualTo(kept);
    }

    @Test
    void joinsKeepOnlyCorrelationsBothSidesHold() {
        Region bytes = local("bytes"), rest = local("rest");
        State a = holding(bytes, Interval.of(0, 15), rest, Interval.of(0, 7));
        State b = holding(bytes, Interval.of(16), rest, Interval.of(0));
        b.cor = List.of(new Correlation(bytes, Interval.of(16), rest, Value.of(0)));
        assertThat(a.join(b).cor).as("only one side holds it").isEmpty();
        State c = b.copy();
        assertThat(c.join(b).cor).isEqualTo(b.cor);
        assertThat(State.unreachable().join(b).cor).as("a join with an unreachable side is the other side").isEqualTo(b.cor);
    }
}
