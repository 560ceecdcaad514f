package io.memsafe.analysis.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.memsafe.analysis.domain.Octagon.INF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each operation of {@link Octagon}, the variable cap, and the C patterns of issue 11. */
class OctagonTest {
    private static Octagon<String> top() { return Octagon.top(); }

    @Test
    void topAndBottom() {
        assertThat(top().isTop()).isTrue();
        assertThat(top().isBottom()).isFalse();
        assertThat(Octagon.<String>bottom().isBottom()).isTrue();
        assertThat(top().bounds("x")).isEqualTo(Interval.TOP);
        assertThat(Octagon.<String>bottom().bounds("x")).isEqualTo(Interval.BOTTOM);
        assertThat(top().upperDiff("x", "y")).isEqualTo(INF);
        assertThat(top().upperDiff("x", "x")).isZero();
        assertThat(Octagon.<String>bottom().upperDiff("x", "y")).isEqualTo(Interval.NEG_INF);
        assertThat(top().toString()).isEqualTo("{}");
        assertThatThrownBy(() -> Octagon.<String>top(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constraintsCloseTransitively() {
        Octagon<String> o = top().addConstraint("x", "y", 2).addConstraint("y", "z", 3).addUpper("z", 10);
        assertThat(o.upperDiff("x", "z")).isEqualTo(5);
        assertThat(o.bounds("x")).isEqualTo(Interval.of(Interval.NEG_INF, 15));
        assertThat(o.upperDiff("z", "x")).isEqualTo(INF);
        assertThat(o.variables()).containsExactly("x", "y", "z");
    }

    @Test
    void negativeCycleIsBottom() {
        Octagon<String> o = top().addConstraint("x", "y", 2).addConstraint("y", "x", -3);
        assertThat(o.isBottom()).isTrue();
        assertThat(top().addConstraint("x", "x", -1).isBottom()).isTrue();
        assertThat(top().addConstraint("x", "x", 0).isTop()).isTrue();
        assertThat(top().addLower("x", 5).addUpper("x", 4).isBottom()).isTrue();
    }

    @Test
    void strictConstraintsTightenOverTheIntegers() {
        Octagon<String> o = top().assumeLt("i", "n", 0);
        assertThat(o.upperDiff("i", "n")).isEqualTo(-1);
        // 2x <= 7 has no integer x = 3.5: the bound is 3
        assertThat(top().addSumConstraint("x", "x", 7).bounds("x").hi()).isEqualTo(3);
        // x - y <= 0, x + y <= 1, y <= 0 ... strengthening: x <= (2x bound + -2y bound)/2
        Octagon<String> s = top().addSumConstraint("x", "y", 3).addSumLowerBound("x", "y", 3).addUpper("y", 1);
        assertThat(s.bounds("x").lo()).isEqualTo(2);
        assertThat(s.lowerSum("x", "y")).isEqualTo(3);
        assertThat(s.upperSum("x", "y")).isEqualTo(3);
    }

    @Test
    void assumeEqAndLe() {
        Octagon<String> o = top().assumeEq("p", "c", 4);
        assertThat(o.upperDiff("p", "c")).isEqualTo(4);
        assertThat(o.upperDiff("c", "p")).isEqualTo(-4);
        assertThat(top().assumeLe("a", "b", 1).upperDiff("a", "b")).isEqualTo(1);
    }

    @Test
    void assignCopiesAndShifts() {
        Octagon<String> o = top().addUpper("y", 10).addLower("y", 0).assign("x", "y", 3);
        assertThat(o.bounds("x")).isEqualTo(Interval.of(3, 13));
        assertThat(o.upperDiff("x", "y")).isEqualTo(3);
        assertThat(o.upperDiff("y", "x")).isEqualTo(-3);
        Octagon<String> s = o.assign("x", "x", -5);
        assertThat(s.bounds("x")).isEqualTo(Interval.of(-2, 8));
        assertThat(s.upperDiff("x", "y")).isEqualTo(-2);
        // reassigning x drops its old relations
        Octagon<String> r = o.assign("x", "z", 0);
        assertThat(r.upperDiff("x", "y")).isEqualTo(INF);
        assertThat(r.upperDiff("x", "z")).isZero();
        // a constant beyond 2^60 cannot be represented: x is forgotten
        assertThat(o.assign("x", "y", Long.MAX_VALUE / 2).bounds("x")).isEqualTo(Interval.TOP);
    }

    @Test
    void assignConstIntervalAndForget() {
        Octagon<String> o = top().addConstraint("x", "y", 0).assignConst("x", 7);
        assertThat(o.bounds("x")).isEqualTo(Interval.of(7));
        assertThat(o.upperDiff("x", "y")).isEqualTo(INF);
        assertThat(o.assignInterval("x", Interval.of(1, 4)).bounds("x")).isEqualTo(Interval.of(1, 4));
        assertThat(o.assignInterval("x", Interval.BOTTOM).isBottom()).isTrue();
        assertThat(o.forget("x").isTop()).isTrue();
        assertThat(o.meetInterval("x", Interval.of(8, 9)).isBottom()).isTrue();
    }

    @Test
    void renameAndProject() {
        Octagon<String> o = top().addConstraint("a", "b", 1).addConstraint("b", "c", 2).addUpper("c", 0);
        Octagon<String> r = o.rename("a", "z");
        assertThat(r.upperDiff("z", "b")).isEqualTo(1);
        assertThat(r.variables()).containsExactly("b", "c", "z");
        assertThat(o.rename("a", "b").upperDiff("b", "c")).isEqualTo(3);
        Octagon<String> p = o.project(List.of("a", "c"));
        assertThat(p.variables()).containsExactly("a", "c");
        assertThat(p.upperDiff("a", "c")).isEqualTo(3);
        assertThat(p.bounds("a").hi()).isEqualTo(3);
    }

    @Test
    void sumAndDifferenceAssignments() {
        Octagon<String> o = top().meetInterval("y", Interval.of(0, 10)).meetInterval("z", Interval.of(2, 3));
        Octagon<String> s = o.assignSum("x", "y", "z");
        assertThat(s.bounds("x")).isEqualTo(Interval.of(2, 13));
        assertThat(s.upperDiff("x", "y")).isEqualTo(3);
        assertThat(s.upperDiff("y", "x")).isEqualTo(-2);
        Octagon<String> d = o.assumeLe("z", "y", 0).assignDifference("x", "y", "z");
        assertThat(d.bounds("x")).isEqualTo(Interval.of(0, 8));
        assertThat(d.upperSum("x", "z")).isEqualTo(10);
        assertThat(o.assignDifference("x", "y", "y").bounds("x")).isEqualTo(Interval.of(0));
        // x := x + z moves x's relations by z's range
        Octagon<String> inc = o.assign("w", "y", 0).assignSum("y", "y", "z");
        assertThat(inc.upperDiff("y", "w")).isEqualTo(3);
        assertThat(inc.upperDiff("w", "y")).isEqualTo(-2);
    }

    @Test
    void minAndMax() {
        Octagon<String> o = top().meetInterval("a", Interval.of(0, 10)).meetInterval("b", Interval.of(5, 20));
        Octagon<String> m = o.assignMin("x", "a", "b");
        assertThat(m.upperDiff("x", "a")).isZero();
        assertThat(m.upperDiff("x", "b")).isZero();
        assertThat(m.bounds("x")).isEqualTo(Interval.of(0, 10));
        Octagon<String> mx = o.assignMax("x", "a", "b");
        assertThat(mx.upperDiff("a", "x")).isZero();
        assertThat(mx.upperDiff("b", "x")).isZero();
        assertThat(mx.bounds("x")).isEqualTo(Interval.of(5, 20));
        assertThat(o.assignMin("x", "a", "a").upperDiff("x", "a")).isZero();
    }

    @Test
    void joinKeepsCommonBoundsOnly() {
        Octagon<String> a = top().addConstraint("x", "y", 0).addUpper("z", 1);
        Octagon<String> b = top().addConstraint("x", "y", 5);
        Octagon<String> j = a.join(b);
        assertThat(j.upperDiff("x", "y")).isEqualTo(5);
        assertThat(j.bounds("z")).isEqualTo(Interval.TOP);
        assertThat(a.join(Octagon.bottom())).isEqualTo(a);
        assertThat(Octagon.<String>bottom().join(a)).isEqualTo(a);
    }

    @Test
    void joinAndLeqOverInterleavedVariables() {
        // variables each side has alone, before, between and after the ones both have
        Octagon<String> a = top().addConstraint("b", "d", 2).addUpper("a", 1).addUpper("c", 7).addUpper("e", 3);
        Octagon<String> b = top().addConstraint("b", "d", 4).addUpper("c", 9).addUpper("f", 0).addLower("g", 1);
        Octagon<String> j = a.join(b);
        assertThat(j.upperDiff("b", "d")).isEqualTo(4);
        assertThat(j.bounds("c")).isEqualTo(Interval.of(Interval.NEG_INF, 9));
        assertThat(j.bounds("a")).isEqualTo(Interval.TOP);
        assertThat(j.bounds("f")).isEqualTo(Interval.TOP);
        assertThat(a.leq(j)).isTrue();
        assertThat(b.leq(j)).isTrue();
        assertThat(j.leq(a)).isFalse();
        assertThat(a.leq(b)).isFalse();
        assertThat(a.addUpper("f", 0).addLower("g", 1).addUpper("c", 9).leq(b)).isTrue();
    }

    @Test
    void meetNarrowAndLeq() {
        Octagon<String> a = top().addConstraint("x", "y", 3);
        Octagon<String> b = top().addConstraint("y", "z", 4);
        Octagon<String> m = a.meet(b);
        assertThat(m.upperDiff("x", "z")).isEqualTo(7);
        assertThat(m.leq(a)).isTrue();
        assertThat(m.leq(b)).isTrue();
        assertThat(a.leq(m)).isFalse();
        assertThat(a.meet(top().addConstraint("y", "x", -4)).isBottom()).isTrue();
        Octagon<String> wide = top().addLower("x", 0);
        Octagon<String> n = wide.narrow(top().addLower("x", 0).addUpper("x", 9).addUpper("y", 1));
        assertThat(n.bounds("x")).isEqualTo(Interval.of(0, 9));
        assertThat(top().addLower("x", 2).narrow(top().addLower("x", 0)).bounds("x").lo()).isEqualTo(2);
        assertThat(Octagon.<String>bottom().leq(a)).isTrue();
        assertThat(a.leq(Octagon.bottom())).isFalse();
        assertThat(a.leq(top())).isTrue();
        assertThat(top().leq(a)).isFalse();
    }

    @Test
    void widenDropsUnstableBoundsAndUsesThresholds() {
        Octagon<String> a = top().meetInterval("i", Interval.of(0, 0)).addConstraint("i", "n", -1);
        Octagon<String> b = top().meetInterval("i", Interval.of(0, 1)).addConstraint("i", "n", -1);
        Octagon<String> w = a.widen(b);
        assertThat(w.bounds("i")).isEqualTo(Interval.of(0, Interval.POS_INF));
        assertThat(w.upperDiff("i", "n")).isEqualTo(-1);
        Octagon<String> t = a.widen(b, new long[]{16, 100});
        assertThat(t.bounds("i")).isEqualTo(Interval.of(0, 16));
        Octagon<String> down = top().meetInterval("i", Interval.of(0, 0)).widen(top().meetInterval("i", Interval.of(-1, 0)), new long[]{16});
        assertThat(down.bounds("i")).isEqualTo(Interval.of(-16, 0));
        assertThat(w.widen(w)).isEqualTo(w);
        assertThat(Octagon.<String>bottom().widen(a)).isEqualTo(a);
        assertThat(a.widen(Octagon.bottom())).isEqualTo(a);
    }

    @Test
    void equalityIsSemanticAndToStringIsOrdered() {
        Octagon<String> a = top().addConstraint("x", "y", 1).addConstraint("y", "z", 1);
        Octagon<String> b = top().addConstraint("y", "z", 1).addConstraint("x", "y", 1).addConstraint("x", "z", 5);
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(top().addConstraint("x", "y", 1).addUpper("x", 3).toString())
                .isEqualTo("{x in [-inf, 3], x - y <= 1}");
    }

    // ---------------------------------------------------------------- the variable cap

    @Test
    void capEvictsUnrelatedFirstThenLeastRecentlyConstrained() {
        Octagon<String> o = Octagon.<String>top(4)
                .addUpper("lonely", 5)        // only a bound of its own
                .addConstraint("a", "b", 0)
                .addConstraint("c", "b", 0);
        assertThat(o.dimensions()).isEqualTo(4);
        Octagon<String> e = o.addConstraint("d", "c", 0);
        assertThat(e.dimensions()).isEqualTo(4);
        assertThat(e.variables()).containsExactly("a", "b", "c", "d");
        // now everything is related: the least recently constrained goes (a, last touched in step 2)
        Octagon<String> f = e.addConstraint("f", "d", 1);
        assertThat(f.variables()).containsExactly("b", "c", "d", "f");
        assertThat(f.upperDiff("c", "b")).isZero();
        assertThat(f.upperDiff("f", "c")).isEqualTo(1);
        // deterministic: the same steps give the same value
        Octagon<String> again = Octagon.<String>top(4).addUpper("lonely", 5).addConstraint("a", "b", 0)
                .addConstraint("c", "b", 0).addConstraint("d", "c", 0).addConstraint("f", "d", 1);
        assertThat(again).isEqualTo(f);
        assertThat(again.toString()).isEqualTo(f.toString());
    }

    @Test
    void capHoldsOverLongChains() {
        Octagon<String> o = Octagon.top();
        for (int i = 0; i < 100; i++) o = o.addConstraint("v" + (1000 + i), "v" + (1001 + i), 1);
        assertThat(o.dimensions()).isLessThanOrEqualTo(Octagon.DEFAULT_MAX_VARIABLES);
        assertThat(o.upperDiff("v1099", "v1100")).isEqualTo(1);
        assertThat(o.upperDiff("v1080", "v1100")).isEqualTo(20);
        Octagon<String> m = o.meet(Octagon.<String>top().addConstraint("w0", "w1", 0).addConstraint("w1", "w2", 0));
        assertThat(m.dimensions()).isLessThanOrEqualTo(Octagon.DEFAULT_MAX_VARIABLES);
    }

    // ---------------------------------------------------------------- the patterns of issue 11

    /** The loop head's invariant: Kleene iteration from the entry, widened at the head. */
    private static Octagon<String> loopHead(Octagon<String> entry, UnaryOperator<Octagon<String>> body) {
        Octagon<String> head = entry;
        for (int i = 0; i < 10; i++) {
            Octagon<String> next = entry.join(body.apply(head));
            if (next.leq(head)) return head;
            head = head.widen(next);
        }
        throw new AssertionError("no fixpoint after 10 widenings");
    }

    /** {@code used <= size; n = MIN(left, size - used); memcpy(buf + used, src, n)}. */
    @Test
    void minOfLeftAndRoomFitsTheBuffer() {
        Octagon<String> s = top().addLower("used", 0).assumeLe("used", "size", 0).addLower("left", 0);
        s = s.assignDifference("room", "size", "used")
                .assignMin("n", "left", "room")
                .forget("room")                   // the temporary is dead
                .assign("off", "used", 0);        // buf + used: the pointer's offset
        assertThat(s.upperSumMinus("used", "n", "size")).isLessThanOrEqualTo(0);
        assertThat(s.upperSumMinus("off", "n", "size")).isLessThanOrEqualTo(0);
        assertThat(s.upperSumMinus("n", "off", "size")).isLessThanOrEqualTo(0);
        assertThat(s.bounds("n").lo()).isEqualTo(0);
        // without the MIN nothing bounds the copy
        Octagon<String> bad = top().addLower("used", 0).assumeLe("used", "size", 0).assign("n", "left", 0);
        assertThat(bad.upperSumMinus("used", "n", "size")).isEqualTo(INF);
        // and a different buffer's room proves nothing about this one
        Octagon<String> wrong = top().assignDifference("room", "other_size", "used").assignMin("n", "left", "room");
        assertThat(wrong.upperSumMinus("used", "n", "size")).isEqualTo(INF);
    }

    /**
     * {@code rest = len - off; if (n > rest) fail;}: n is bounded by what is left of len past off (an
     * anchor), which a check against len alone ({@code if (n > len) fail;}) is not.
     */
    @Test
    void boundByTheRestIsToldFromABoundByTheWhole() {
        Octagon<String> rest = top().addLower("off", 0).assumeLe("off", "len", 0)
                .assignDifference("rest", "len", "off").assumeLe("n", "rest", 0);
        assertThat(rest.boundedByRest("n", "len")).isTrue();
        assertThat(rest.upperDiff("n", "len")).isLessThanOrEqualTo(0);
        // a variable equal to len (the input's byte count) is len
        assertThat(rest.assign("count", "len", 0).boundedByRest("n", "count")).isTrue();
        Octagon<String> whole = top().addLower("off", 0).assumeLe("off", "len", 0).assumeLe("n", "len", 0);
        assertThat(whole.boundedByRest("n", "len")).isFalse();
        assertThat(whole.upperDiff("n", "len")).isEqualTo(0);
        // what is left of another object bounds nothing of this one
        Octagon<String> other = top().assignDifference("rest", "cap", "off").assumeLe("n", "rest", 0);
        assertThat(other.boundedByRest("n", "len")).isFalse();
    }

    /** {@code end = used + n; if (end > size) return; memcpy(buf + used, src, n)}. */
    @Test
    void sumCheckedAgainstSizeFitsTheBuffer() {
        Octagon<String> s = top().addLower("used", 0).addLower("n", 0)
                .assignSum("end", "used", "n")
                .assumeLe("end", "size", 0)        // the branch that continues
                .assign("off", "used", 0);
        assertThat(s.upperSumMinus("off", "n", "size")).isLessThanOrEqualTo(0);
        assertThat(s.upperSumMinus("n", "used", "size")).isLessThanOrEqualTo(0);
        // the check written inline, if (used + n > size): the engine has the sum in the condition
        Octagon<String> d = top().assumeSumLe("used", "n", "size", 0);
        assertThat(d.upperSumMinus("used", "n", "size")).isLessThanOrEqualTo(0);
        assertThat(d.upperSumMinus("n", "used", "size")).isLessThanOrEqualTo(0);
        assertThat(top().assumeSumLe("used", "n", "size", -1).upperSumMinus("used", "n", "size")).isEqualTo(-1);
        // a check against another object's size says nothing about this one
        assertThat(top().assumeSumLe("used", "n", "other", 0).upperSumMinus("used", "n", "size")).isEqualTo(INF);
        // the length changed after the check: the proof is gone
        assertThat(d.assignConst("n", 5).upperSumMinus("used", "n", "size")).isEqualTo(INF);
    }

    /** {@code while (len) { copy = MIN(len, room); ...; len -= copy; }} keeps len >= 0 across widening. */
    @Test
    void lengthDecrementedByABoundedCopyStaysNonNegative() {
        Octagon<String> head = loopHead(top().addLower("len", 0).addLower("room", 1), h -> {
            Octagon<String> body = h.addLower("len", 1)           // while (len): len != 0, len >= 0
                    .assignMin("copy", "len", "room");
            assertThat(body.upperDiff("copy", "len")).isLessThanOrEqualTo(0);
            return body.assignDifference("len", "len", "copy");
        });
        assertThat(head.bounds("len").lo()).isEqualTo(0);
    }

    /** The fuller form: {@code room = size - used; copy = MIN(len, room); memcpy(buf + used, ..); used += copy; len -= copy}. */
    @Test
    void appendLoopKeepsUsedWithinSize() {
        Octagon<String> head = loopHead(top().assignConst("used", 0).addLower("size", 0).addLower("len", 0), h -> {
            Octagon<String> body = h.addLower("len", 1)
                    .assignDifference("room", "size", "used")
                    .assignMin("copy", "len", "room");
            assertThat(body.upperSumMinus("used", "copy", "size")).isLessThanOrEqualTo(0);
            return body.assignSum("used", "used", "copy").assignDifference("len", "len", "copy").forget("room").forget("copy");
        });
        assertThat(head.upperDiff("used", "size")).isLessThanOrEqualTo(0);
        assertThat(head.bounds("len").lo()).isEqualTo(0);
    }

    /** {@code if (i < n) a[i]} where a has n elements of one byte: size = n. */
    @Test
    void indexBelowCountIsBelowSize() {
        Octagon<String> s = top().assign("size", "n", 0).assumeLt("i", "n", 0);
        assertThat(s.upperDiff("i", "size")).isEqualTo(-1);
        assertThat(top().assign("size", "n", 0).assumeLe("i", "n", 0).upperDiff("i", "size")).isZero();
        assertThat(top().assign("size", "n", 0).upperDiff("i", "size")).isEqualTo(INF);
    }

    /** A pointer offset and a counter advanced together keep their distance through widening. */
    @Test
    void pointerAndCounterMoveTogether() {
        Octagon<String> head = loopHead(top().assignConst("p", 4).assignConst("c", 0),
                h -> h.assumeLt("c", "n", 0).assign("p", "p", 1).assign("c", "c", 1));
        assertThat(head.upperDiff("p", "c")).isEqualTo(4);
        assertThat(head.upperDiff("c", "p")).isEqualTo(-4);
        assertThat(head.bounds("c")).isEqualTo(Interval.of(0, Interval.POS_INF));
        // after the loop (c >= n): p - 4 >= n, and in the loop p < n + 4
        Octagon<String> in = head.assumeLt("c", "n", 0);
        assertThat(in.upperDiff("p", "n")).isEqualTo(3);
    }
}
