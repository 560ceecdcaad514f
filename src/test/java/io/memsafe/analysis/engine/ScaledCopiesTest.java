package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Octagon;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scaled copy {@code y×k} of a local: its key names the local and the factor; two values set equal
 * to the same copy stay equal after the copy is dropped with its local; a copy enters the relations
 * at its distance from the local.
 */
class ScaledCopiesTest {
    private static final String CAP = "v:a.c:grow:cap#3";

    @Test
    void aKeyNamesTheLocalAndTheFactor() {
        String key = new ScaledCopies.Copy(CAP, 2).key();
        assertThat(ScaledCopies.of(key)).isEqualTo(new ScaledCopies.Copy(CAP, 2));
        assertThat(ScaledCopies.of(CAP)).isNull();
    }

    @Test
    void valuesEqualToTheSameCopyStayEqualWhenTheLocalChanges() {
        String copy = new ScaledCopies.Copy(CAP, 2).key(), count = "n:h:a.c:7:9/8";
        Octagon<String> o = Octagon.<String>top().meetInterval(CAP, Interval.of(5, 1000));
        o = ScaledCopies.related(new ScaledCopies.Copy(CAP, 2), Interval.of(5, 1000), o.meetInterval(copy, Interval.of(10, 2000)));
        // the block's count is the copy; then cap = cap * 2 takes the copy, and the copies of cap go
        o = o.assign(count, copy, 0).assign(CAP, copy, 0);
        o = ScaledCopies.dropCopiesOf(o, CAP);
        assertThat(o.variables()).containsExactlyInAnyOrder(CAP, count);
        assertThat(o.upperDiff(CAP, count)).isEqualTo(0);
        assertThat(o.upperDiff(count, CAP)).isEqualTo(0);
    }

    @Test
    void aCopyIsAtLeastTheLocalsLowerBoundAboveIt() {
        String copy = new ScaledCopies.Copy(CAP, 2).key(), size = "v:a.c:grow:size#4";
        Octagon<String> o = Octagon.<String>top().meetInterval(CAP, Interval.of(5, 1000)).assign(size, CAP, 0);
        o = ScaledCopies.related(new ScaledCopies.Copy(CAP, 2), Interval.of(5, 1000), o.meetInterval(copy, Interval.of(10, 2000)));
        // size == cap, copy == 2 * cap: size is at least 5 below the copy
        assertThat(o.upperDiff(size, copy)).isEqualTo(-5);
        // a local of no known upper bound gets no upper distance, only the lower one its lower bound gives
        Octagon<String> unbounded = ScaledCopies.related(new ScaledCopies.Copy(CAP, 2), Interval.of(1, Interval.POS_INF), Octagon.<String>top());
        assertThat(unbounded.upperDiff(CAP, copy)).isEqualTo(-1);
        assertThat(unbounded.upperDiff(copy, CAP)).isEqualTo(Octagon.INF);
        // and a local that may be negative gets none
        assertThat(ScaledCopies.related(new ScaledCopies.Copy(CAP, 2), Interval.of(-1, Interval.POS_INF), Octagon.<String>top())).isEqualTo(Octagon.<String>top());
    }
}
