package io.memsafe.analysis;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.SourceLoc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap-lifetime part of the abstract state: how "freed" survives path merges. */
class LifetimeTest {
    private static final SourceLoc ALLOC = new SourceLoc("t.c", 3, 1), FREE = new SourceLoc("t.c", 5, 1);

    private static Region block() {
        return new Region("h:t.c:3:1", Region.Kind.HEAP, Value.of(8), "heap block", ALLOC, "malloc");
    }

    private static State allocated(Region r) {
        State s = State.empty();
        s.set(r, Contents.unwritten(r.size));
        s.allocated(r, ALLOC);
        return s;
    }

    @Test
    void freedOnBothPathsStaysMustFreed() {
        Region r = block();
        State a = allocated(r), b = allocated(r);
        a.freed.put(r, new Lifetime(FREE, true));
        b.freed.put(r, new Lifetime(FREE, true));
        assertThat(a.join(b).lifetime(r).must()).isTrue();
    }

    @Test
    void freedOnOnePathIsOnlyMaybeFreed() {
        Region r = block();
        State a = allocated(r), b = allocated(r);
        a.freed.put(r, new Lifetime(FREE, true));
        Lifetime l = a.join(b).lifetime(r);
        assertThat(l).isNotNull();
        assertThat(l.must()).isFalse();
        assertThat(l.freedAt()).isEqualTo(FREE);
        assertThat(b.join(a).lifetime(r).must()).isFalse();
    }

    @Test
    void aPathWhereTheBlockNeverExistedSaysNothingAboutIt() {
        Region r = block();
        State a = allocated(r);
        a.freed.put(r, new Lifetime(FREE, true));
        assertThat(a.join(State.empty()).lifetime(r).must()).isTrue();
    }

    @Test
    void uncheckedOnlyWhenUncheckedOnEveryPathWhereTheBlockExists() {
        Region r = block();
        State checked = allocated(r), unchecked = allocated(r);
        checked.unchecked.remove(r);
        assertThat(checked.join(unchecked).unchecked).doesNotContainKey(r);
        assertThat(unchecked.join(State.empty()).unchecked).containsKey(r);
    }

    @Test
    void orderIncludesTheLifetime() {
        Region r = block();
        State live = allocated(r), freed = allocated(r);
        freed.freed.put(r, new Lifetime(FREE, true));
        State maybe = live.join(freed);
        assertThat(live.leq(maybe)).isTrue();
        assertThat(freed.leq(maybe)).isTrue();
        assertThat(maybe.leq(freed)).isFalse();
        assertThat(maybe.leq(live)).isFalse();
        assertThat(freed.equals(live)).isFalse();
    }

    @Test
    void reallocationForgetsTheOldLifetime() {
        Region r = block();
        State s = allocated(r);
        s.freed.put(r, new Lifetime(FREE, true));
        s.allocated(r, null);
        assertThat(s.lifetime(r)).isNull();
        assertThat(s.unchecked).doesNotContainKey(r);
    }

    @Test
    void reallocCorrelationSurvivesOnlyJoinsThatShareIt() {
        Region old = block();
        Region grown = new Region("h:t.c:4:1", Region.Kind.HEAP, Value.of(64), "grown block", FREE, "malloc");
        State a = allocated(old), b = allocated(old), c = allocated(old);
        a.freed.put(old, new Lifetime(FREE, false, grown));
        b.freed.put(old, new Lifetime(FREE, false, grown));
        assertThat(a.join(b).lifetime(old).pending()).isTrue();
        // a path on which realloc did not run: the block is only "maybe freed", whatever the result says
        Lifetime merged = a.join(c).lifetime(old);
        assertThat(merged.pending()).isFalse();
        assertThat(merged.must()).isFalse();
    }

    @Test
    void unwrittenBytesAddNothingToAJoin() {
        Region r = block();
        Contents written = Contents.unwritten(r.size).store(io.memsafe.analysis.domain.Interval.ZERO, 8, Value.ZERO, true);
        Contents fresh = Contents.unwritten(r.size);
        Contents j = written.combine(fresh, Value::join);
        assertThat(j.load(io.memsafe.analysis.domain.Interval.ZERO, 8).isDefinitelyNull()).isTrue();
        assertThat(j.written).isEqualTo(io.memsafe.analysis.domain.ByteRanges.of(0, 7));
        assertThat(fresh.combine(written, Value::join).load(io.memsafe.analysis.domain.Interval.ZERO, 8).isDefinitelyNull()).isTrue();
    }
}
